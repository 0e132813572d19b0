import { SegmentedControl, Select, Stack, Text, Title, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { useId } from 'react';
import { isSupportedLocale, localeNames, matchLocale, supportedLocales } from '../../../shared/i18n/locales';
import { useLocalePreference } from '../../app/locale-preference';
import { useT } from '../../components/use-t';

const SYSTEM = 'system';

/** Theme (system, light, dark) and language (the system's or a chosen one); both saved at once. */
export function AppearanceSection() {
  const t = useT();
  const id = useId();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const { choice, choose } = useLocalePreference();
  const systemLocale = matchLocale(navigator.languages);
  const languages = [
    { value: SYSTEM, label: t('settings.language.system', { language: localeNames[systemLocale] }) },
    ...supportedLocales.map((locale) => ({ value: locale, label: localeNames[locale] })),
  ];
  return (
    <section className="settings-section" aria-labelledby={`${id}-heading`}>
      <Title order={3} id={`${id}-heading`} className="settings-heading">{t('settings.appearance')}</Title>
      <Stack gap="sm">
        <div>
          <Text component="span" id={`${id}-theme`} fw={600} size="sm" className="settings-label">{t('settings.theme')}</Text>
          <SegmentedControl
            aria-labelledby={`${id}-theme`}
            data-testid="theme-switch"
            fullWidth
            value={colorScheme}
            onChange={(value) => setColorScheme(value as MantineColorScheme)}
            data={[
              { value: 'auto', label: t('settings.theme.auto') },
              { value: 'light', label: t('settings.theme.light') },
              { value: 'dark', label: t('settings.theme.dark') },
            ]}
          />
        </div>
        <Select
          label={t('settings.language')}
          data-testid="language-switch"
          data={languages}
          value={choice ?? SYSTEM}
          allowDeselect={false}
          onChange={(value) => value && choose(isSupportedLocale(value) ? value : null)}
          comboboxProps={{ withinPortal: false }}
        />
      </Stack>
    </section>
  );
}
