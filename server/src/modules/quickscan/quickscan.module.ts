import { Module } from '@nestjs/common';
import { ReachModule } from '../reach/reach.module.js';
import { QuickScanResolver } from './quickscan.resolver.js';
import { QuickScanService } from './quickscan.service.js';

@Module({ imports: [ReachModule], providers: [QuickScanService, QuickScanResolver] })
export class QuickScanModule {}
