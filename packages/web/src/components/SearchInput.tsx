import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface SearchInputProps {
  label: string;
  placeholder?: string;
  value: string;
  onChange: (value: string) => void;
  maxLength?: number;
}

/** A search box that asks the server only once typing pauses. */
export function SearchInput({ label, placeholder, value, onChange, maxLength = 100 }: SearchInputProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [committed, setCommitted] = useState(value);
  const commit = useDebouncedCallback((next: string) => {
    setCommitted(next.trim());
    onChange(next.trim());
  }, 350);

  // Follow the address bar when it changes from outside (back button, cleared filters).
  if (value !== committed) {
    setCommitted(value);
    setText(value);
  }

  return (
    <TextInput
      type="search"
      label={label}
      placeholder={placeholder}
      value={text}
      maxLength={maxLength}
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={text ? (
        <CloseButton
          aria-label={t('common.clearSearch')}
          onClick={() => {
            commit.cancel();
            setText('');
            setCommitted('');
            onChange('');
          }}
        />
      ) : null}
      onChange={(event) => {
        setText(event.currentTarget.value);
        commit(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          commit.cancel();
          setCommitted(text.trim());
          onChange(text.trim());
        }
      }}
    />
  );
}
