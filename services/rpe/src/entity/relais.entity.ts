import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A relais petite enfance, known by its institution code (e.g. `RPE-75-11`). */
@Entity({ name: 'relais' })
export class Relais {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  name: string;
}
