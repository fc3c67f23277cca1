import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Which record an HSDS id that we derive (uuidv5, so stable between exports) stands for: the own
 * service of an organisation, team or person, and the service_at_location of an organisation's venue or
 * of an agreement at its partner's. A uuidv5 cannot be reversed; without this table `/hsds/services/{id}`
 * hashed every owner's id per request. Filled lazily by HsdsExportRepository (only records not yet in
 * it are hashed), so no write route has to know about it; what it says is checked against the current
 * records before use.
 */
// Covers the refill's anti-join (ownerId, kind and, for agreements, partnerId) without reading the rows.
@Entity('hsds_derived_id')
@Index('IDX_hsds_derived_id_owner', ['ownerId', 'kind', 'partnerId'])
export class HsdsDerivedId {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** `service` or `service_at_location`. */
  @Column({ type: 'varchar', length: 20 })
  kind: string;

  /** `organisation`, `team`, `person` or `agreement`. */
  @Column({ type: 'varchar', length: 20 })
  ownerType: string;

  @Column({ type: 'varchar', length: 36 })
  ownerId: string;

  /** The partner organisation an agreement's service_at_location was derived from (its venue). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  partnerId: string | null;
}
