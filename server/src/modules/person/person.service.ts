import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { loadInOrder, toPage, type Page, PageInput } from '../../common/pagination.js';
import { LanguageService } from '../language/language.service.js';
import { assertNeighbourhoodCode } from '../neighbourhood/neighbourhood.service.js';
import { PersonFilter } from './dto/person-filter.input.js';
import { PersonLanguage } from './person-language.entity.js';
import { Person, PersonRole } from './person.entity.js';

const ROLE_COLUMN: Record<PersonRole, keyof Person> = {
  [PersonRole.KEY_PERSON]: 'isKeyPerson',
  [PersonRole.INTERPRETER]: 'isInterpreter',
  [PersonRole.CONTACT_PERSON]: 'isContactPerson',
};

const RELATIONS = { languages: true, communities: true, neighbourhoods: true } as const;

@Injectable()
export class PersonService {
  constructor(
    @InjectRepository(Person) private readonly persons: Repository<Person>,
    private readonly languageService: LanguageService,
  ) {}

  /** Active (not archived) persons matching the filter, by name, one page at a time. */
  async search(filter: PersonFilter = {}, page: PageInput = new PageInput()): Promise<Page<Person>> {
    const qb = this.persons.createQueryBuilder('p').where('p.archivedAt IS NULL');
    if (filter.language) {
      const language = this.languageService.resolve(filter.language, 'filter.language');
      qb.andWhere((sub) => {
        const spoken = sub.subQuery().select('pl.personId').from(PersonLanguage, 'pl').where('pl.languageCode = :language').getQuery();
        return `p.id IN ${spoken}`;
      }).setParameter('language', language.code);
    }
    if (filter.role) qb.andWhere(`p.${ROLE_COLUMN[filter.role]} = :yes`, { yes: true });
    if (filter.neighbourhoodCode) {
      const code = assertNeighbourhoodCode(filter.neighbourhoodCode, 'filter.neighbourhoodCode');
      qb.innerJoin('p.neighbourhoods', 'active_in', 'active_in.code = :code', { code });
    }
    if (filter.name?.trim()) qb.andWhere('LOWER(p.name) LIKE :name', { name: `%${filter.name.trim().toLowerCase()}%` });

    const [rows, totalCount] = await qb.orderBy('p.name', 'ASC').addOrderBy('p.id', 'ASC').skip(page.offset).take(page.limit).getManyAndCount();
    return toPage(await loadInOrder(this.persons, rows.map((p) => p.id), RELATIONS), totalCount, page);
  }

  findById(id: string): Promise<Person | null> {
    return this.persons.findOne({ where: { id }, relations: RELATIONS });
  }
}
