import { Module } from '@nestjs/common';
import { NeighbourhoodModule } from '../neighbourhood/neighbourhood.module.js';
import { PostcodeModule } from '../postcode/postcode.module.js';
import { NearbyService } from './nearby.service.js';

@Module({
  imports: [PostcodeModule, NeighbourhoodModule],
  providers: [NearbyService],
  exports: [NearbyService],
})
export class NearbyModule {}
