import { type FormEvent, useState } from 'react';
import { errorsFromServer, type FieldErrors, hasErrors, NO_ERRORS, type SubmitErrors } from './form-errors';

/**
 * Submit handling shared by the forms: client checks first (nothing is sent while a field is wrong),
 * then the mutation; the server's errors land at the fields they name.
 */
export function useFormSubmit(options: { knownFields: () => readonly string[]; remap?: (errors: SubmitErrors) => SubmitErrors }) {
  const [errors, setErrors] = useState<SubmitErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const submit = (validate: () => FieldErrors, send: () => Promise<void>) => async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const clientErrors: SubmitErrors = { fields: validate(), general: [] };
    if (hasErrors(clientErrors)) {
      setErrors(clientErrors);
      return;
    }
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      await send();
    } catch (error) {
      const serverErrors = errorsFromServer(error, options.knownFields());
      setErrors(options.remap ? options.remap(serverErrors) : serverErrors);
    } finally {
      setBusy(false);
    }
  };

  return { errors, busy, submit };
}
