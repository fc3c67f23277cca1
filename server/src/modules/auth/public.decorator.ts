import { SetMetadata } from '@nestjs/common';

export const ACCESS_KEY = 'sociale-kaart:access';
export type Access = 'public' | 'anonymousRead';

/**
 * Every GraphQL query and mutation requires a signed-in user unless marked here (deny by default,
 * so a new resolver cannot leak by being forgotten):
 * - `@Public()`: always open (sign-in itself, reference data such as languages and neighbourhoods);
 * - `@AnonymousReadable()`: open when ANONYMOUS_READ=true (organisations, walk-in hours, counts of persons).
 */
export const Public = () => SetMetadata(ACCESS_KEY, 'public' satisfies Access);
export const AnonymousReadable = () => SetMetadata(ACCESS_KEY, 'anonymousRead' satisfies Access);
