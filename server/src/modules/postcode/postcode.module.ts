import { Module } from '@nestjs/common';
import { PostcodeService } from './postcode.service.js';

@Module({
  providers: [PostcodeService],
  exports: [PostcodeService],
})
export class PostcodeModule {}
