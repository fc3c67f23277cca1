import { Module } from '@nestjs/common';
import { AppConfigResolver } from './app-config.resolver.js';

@Module({ providers: [AppConfigResolver] })
export class AppConfigModule {}
