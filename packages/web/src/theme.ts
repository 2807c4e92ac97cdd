import { Badge, createTheme, darken, defaultVariantColorsResolver, luminance, parseThemeColor, Modal, MultiSelect, Notification, PasswordInput, Select, type CSSVariablesResolver, type MantineThemeOverride, type VariantColorsResolver } from '@mantine/core';
import type { TFunction } from 'i18next';

const fontFamily = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Ubuntu, sans-serif';

/** The theme, with the accessible names of Mantine's built-in buttons in the UI language. */
export function createAppTheme(t: TFunction): MantineThemeOverride {
  const close = { 'aria-label': t('common.close') };
  const clear = { 'aria-label': t('common.clear') };
  return createTheme({
    primaryColor: 'blue',
    // Shade 8 keeps white text on filled buttons and blue links above WCAG AA contrast (4.5:1); Mantine's 6 is 3.6:1.
    primaryShade: 8,
    defaultRadius: 'md',
    fontFamily,
    headings: { fontFamily },
    // Keyboard users always see where they are; mouse clicks do not leave rings behind.
    focusRing: 'auto',
    variantColorResolver: readableVariants,
    components: {
      // Names and labels in badges keep their own case: capitals everywhere read as shouting.
      Badge: Badge.extend({ defaultProps: { tt: 'none' } }),
      Modal: Modal.extend({ defaultProps: { closeButtonProps: close } }),
      Notification: Notification.extend({ defaultProps: { closeButtonProps: close } }),
      Select: Select.extend({ defaultProps: { clearButtonProps: clear } }),
      MultiSelect: MultiSelect.extend({ defaultProps: { clearButtonProps: clear } }),
      PasswordInput: PasswordInput.extend({ defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('common.togglePassword') } } }),
    },
  });
}

/** WCAG contrast ratio of two colours. */
const contrast = (a: string, b: string) => {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
};

/**
 * Mantine's default shades put text below WCAG AA (4.5:1) on light-tinted and filled badges and buttons of orange, teal,
 * green, cyan, lime and yellow; darken the text (light variant), or the background, or use dark text (filled).
 */
const readableVariants: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) return colors;
  const shades = input.theme.colors[parsed.color]!;
  if (input.variant === 'light') return { ...colors, color: darken(shades[9], 0.35) };
  if (input.variant !== 'filled' || contrast(parsed.value, '#ffffff') >= 4.5) return colors;
  const darker = darken(parsed.value, 0.2);
  if (contrast(darker, '#ffffff') >= 4.5) return { ...colors, background: darker, hover: darken(parsed.value, 0.3) };
  return { ...colors, color: input.theme.black };
};

/**
 * Mantine's "dimmed" grey is 3.3:1 on white and its placeholder grey 2.1:1; darker greys keep secondary text and
 * hints readable (WCAG AA 4.5:1), placeholders still lighter than typed text.
 */
export const cssVariablesResolver: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: { '--mantine-color-dimmed': theme.colors.gray[7], '--mantine-color-placeholder': '#6c757d' },
  dark: {},
});
