import { Link } from '@utrecht/component-library-react';

/** A phone number as a `tel:` link, so a professional calls from the list with one tap. */
export function PhoneLink({ phone }: { phone: string | null | undefined }) {
  if (!phone) return null;
  return <Link href={`tel:${phone.replace(/[^+\d]/g, '')}`}>{phone}</Link>;
}
