import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { District } from './district.entity.js';
import { Municipality } from './municipality.entity.js';
import { Neighbourhood } from './neighbourhood.entity.js';
import { NeighbourhoodResolver } from './neighbourhood.resolver.js';
import { NeighbourhoodService } from './neighbourhood.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Neighbourhood, District, Municipality])],
  providers: [NeighbourhoodService, NeighbourhoodResolver],
  exports: [NeighbourhoodService],
})
export class NeighbourhoodModule {}
