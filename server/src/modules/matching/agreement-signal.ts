/**
 * The "active agreement with a team covering the place" signal, as a pluggable input of the scorer.
 * The matcher asks once per query which partners have such an agreement; an implementation must
 * answer from an indexed query or memory, because it runs on every search.
 */
export interface AgreementHit {
  agreementId: string;
  teamName: string;
}

export interface AgreementSignal {
  /** Partners (person or organisation ids) with an active agreement with a team that covers the neighbourhood. */
  activeAgreementsAt(neighbourhoodCode: string | null, today: string): Promise<Map<string, AgreementHit>>;
}

export const AGREEMENT_SIGNAL = Symbol('AGREEMENT_SIGNAL');

/** Until agreements are registered, no partner has one. */
export class NoAgreementSignal implements AgreementSignal {
  async activeAgreementsAt(): Promise<Map<string, AgreementHit>> {
    return new Map();
  }
}
