import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Capability } from './capability.entity.js';
import { CapabilityResolver } from './capability.resolver.js';
import { CapabilityService } from './capability.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Capability])],
  providers: [CapabilityService, CapabilityResolver],
  exports: [CapabilityService],
})
export class CapabilityModule {}
