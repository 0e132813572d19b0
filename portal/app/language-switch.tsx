import { NativeSelect } from '@mantine/core';
import { localeNames, supportedLocales, type SupportedLocale } from '../../shared/i18n/locales';
import { useChooseLanguage } from '../api/session';
import { useT } from '../i18n/use-t';
import { useLocaleChoice } from './locale-choice';

/** Each language named in itself; signed in, the choice is saved to the profile (the e-mails follow it). */
export function LanguageSwitch({ label, className, size = 'xs' }: { label?: string; className?: string; size?: 'xs' | 'sm' }) {
  const t = useT();
  const { locale } = useLocaleChoice();
  const choose = useChooseLanguage();
  return (
    <NativeSelect
      className={className}
      size={size}
      label={label ?? t('language.label')}
      value={locale}
      data={supportedLocales.map((code) => ({ value: code, label: localeNames[code] }))}
      onChange={(event) => choose.mutate(event.currentTarget.value as SupportedLocale)}
    />
  );
}
