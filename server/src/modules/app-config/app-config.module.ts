import { Module } from '@nestjs/common';
import { NeighbourhoodModule } from '../neighbourhood/neighbourhood.module.js';
import { AppConfigResolver } from './app-config.resolver.js';

@Module({ imports: [NeighbourhoodModule], providers: [AppConfigResolver] })
export class AppConfigModule {}
