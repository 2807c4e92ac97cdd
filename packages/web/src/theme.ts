import { Badge, createTheme, Modal, MultiSelect, Notification, PasswordInput, Select, type MantineThemeOverride } from '@mantine/core';
import type { TFunction } from 'i18next';

const fontFamily = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Ubuntu, sans-serif';

/** The theme, with the accessible names of Mantine's built-in buttons in the UI language. */
export function createAppTheme(t: TFunction): MantineThemeOverride {
  const close = { 'aria-label': t('common.close') };
  const clear = { 'aria-label': t('common.clear') };
  return createTheme({
    primaryColor: 'blue',
    defaultRadius: 'md',
    fontFamily,
    headings: { fontFamily },
    // Keyboard users always see where they are; mouse clicks do not leave rings behind.
    focusRing: 'auto',
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
