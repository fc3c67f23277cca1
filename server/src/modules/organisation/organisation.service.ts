import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { loadInOrder, toPage, type Page, PageInput } from '../../common/pagination.js';
import { LanguageService } from '../language/language.service.js';
import { assertNeighbourhoodCode } from '../neighbourhood/neighbourhood.service.js';
import { OrganisationFilter } from './dto/organisation-filter.input.js';
import { Organisation } from './organisation.entity.js';

const RELATIONS = { languages: true, communities: true, neighbourhoods: true } as const;

@Injectable()
export class OrganisationService {
  constructor(
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    private readonly languageService: LanguageService,
  ) {}

  /** Active (not archived) organisations matching the filter, by name, one page at a time. */
  async search(filter: OrganisationFilter = {}, page: PageInput = new PageInput()): Promise<Page<Organisation>> {
    const qb = this.organisations.createQueryBuilder('o').where('o.archivedAt IS NULL');
    if (filter.language) {
      const language = this.languageService.resolve(filter.language, 'filter.language');
      qb.innerJoin('o.languages', 'spoken', 'spoken.code = :language', { language: language.code });
    }
    if (filter.kind) qb.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.neighbourhoodCode) {
      const code = assertNeighbourhoodCode(filter.neighbourhoodCode, 'filter.neighbourhoodCode');
      qb.innerJoin('o.neighbourhoods', 'served', 'served.code = :code', { code });
    }
    if (filter.name?.trim()) qb.andWhere('LOWER(o.name) LIKE :name', { name: `%${filter.name.trim().toLowerCase()}%` });

    const [rows, totalCount] = await qb.orderBy('o.name', 'ASC').addOrderBy('o.id', 'ASC').skip(page.offset).take(page.limit).getManyAndCount();
    return toPage(await loadInOrder(this.organisations, rows.map((o) => o.id), RELATIONS), totalCount, page);
  }

  findById(id: string): Promise<Organisation | null> {
    return this.organisations.findOne({ where: { id }, relations: RELATIONS });
  }
}
