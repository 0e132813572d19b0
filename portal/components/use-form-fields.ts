import { useState, type ChangeEvent } from 'react';
import type { FieldErrors } from './field-errors';

/**
 * A form's text fields and their messages. Typing in a field clears its message: a message
 * stays only while it is still true of what is in the field.
 */
export function useFormFields<F extends Record<string, string>>(initial: F) {
  const [fields, setFields] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const bind = (name: keyof F & string) => ({
    value: fields[name],
    error: errors[name],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const value = event.currentTarget.value;
      setFields((current) => ({ ...current, [name]: value }));
      setErrors((current) => ({ ...current, [name]: undefined }));
    },
  });
  return { fields, errors, setErrors, bind };
}
