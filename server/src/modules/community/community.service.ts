import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { badInput } from '../../common/errors.js';
import { Community } from './community.entity.js';

@Injectable()
export class CommunityService {
  constructor(@InjectRepository(Community) private readonly communities: Repository<Community>) {}

  list(): Promise<Community[]> {
    return this.communities.find({ order: { nameNl: 'ASC' } });
  }

  /** The communities named by code, without duplicates; an unknown code is an error naming its index. */
  async getMany(codes: string[], field: string): Promise<Community[]> {
    const wanted = codes.map((c) => c.trim().toLowerCase());
    const found = wanted.length ? await this.communities.findBy({ code: In([...new Set(wanted)]) }) : [];
    const byCode = new Map(found.map((c) => [c.code, c]));
    wanted.forEach((code, i) => {
      if (!byCode.has(code)) throw badInput(`${field}.${i}`, `'${codes[i]}' is geen bekende gemeenschap`);
    });
    return [...new Set(wanted)].map((code) => byCode.get(code)!);
  }
}
