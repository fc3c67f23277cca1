import { useSession } from '../../auth/hooks/use-session';

/**
 * What the signed-in user may change, as the server's AccessPolicy decides it, so the pages can hide or
 * explain what would be refused anyway (the server checks every change itself):
 * - administrator: everything; coordinator: their own teams and what belongs to them; member: nothing.
 */
export function usePermissions() {
  const { user } = useSession();
  const role = user?.role;
  const isAdministrator = role === 'ADMINISTRATOR';
  return {
    isAdministrator,
    /** Beleidsmedewerker: aggregates only (the Bereik page), no registry pages. */
    isPolicyOfficer: role === 'POLICY_OFFICER',
    isSignedIn: Boolean(user),
    /** Create and archive teams. */
    canManageTeams: isAdministrator,
    /** Change a team: its coordinators or an administrator. */
    canEditTeam: (teamId: string) => isAdministrator || (role === 'COORDINATOR' && Boolean(user?.teams.some((team) => team.id === teamId))),
    /** Register and change walk-in hours; which ones exactly the server decides by the teams they belong to. */
    canEditActivities: isAdministrator || role === 'COORDINATOR',
  };
}
