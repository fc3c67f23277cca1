import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@ObjectType({ description: 'One answer of a QuickScan round: a score from 1 (starting) to 4 (advanced), and a note' })
@Entity('quickscan_answer')
export class QuickScanAnswer {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  roundId: string;

  @Field(() => Int, { description: 'Statement number, 1–24' })
  @PrimaryColumn({ type: 'integer' })
  statement: number;

  @Field(() => Int, { nullable: true, description: '1 beginnend, 2 op weg, 3 grotendeels, 4 gevorderd; null: niet ingevuld' })
  @Column({ type: 'integer', nullable: true })
  score: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;
}

@ObjectType({ description: "A team's QuickScan round (self-assessment, background document 002)" })
@Entity('quickscan_round')
@Index(['teamId'])
export class QuickScanRound {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Field(() => ID)
  @Column({ type: 'varchar', length: 36 })
  teamId: string;

  @Field({ description: 'Date of the round (YYYY-MM-DD)' })
  @Column({ type: 'varchar', length: 10 })
  heldOn: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  note: string | null;

  @Field()
  @Column({ type: 'varchar', length: 30 })
  createdAt: string;

  @Field(() => [QuickScanAnswer])
  answers: QuickScanAnswer[];
}
