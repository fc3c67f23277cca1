import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import { IsBase64, IsBoolean, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { CsvKind } from '../csv/csv-columns.js';

registerEnumType(CsvKind, { name: 'CsvKind', description: 'organisaties of personen' });

/** 20 MB: about 50,000 rows of the person template. */
export const MAX_IMPORT_CHARS = 20_000_000;

@InputType({ description: 'A CSV file to check (dryRun) or import' })
export class ImportCsvInput {
  @Field(() => CsvKind)
  @IsEnum(CsvKind, { message: 'kind moet ORGANISATIONS of PERSONS zijn' })
  kind: CsvKind;

  @Field(() => String, {
    nullable: true,
    description: "The file's text, already decoded (';' or ',' as separator). Prefer contentBase64: then the server detects the encoding.",
  })
  @IsOptional()
  @IsString({ message: 'content moet tekst zijn' })
  @MaxLength(MAX_IMPORT_CHARS, { message: 'het bestand is groter dan 20 MB; splits het' })
  content?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The file's bytes, base64: UTF-8 with or without BOM, Windows-1252 (Dutch Excel) or UTF-16 are detected and reported",
  })
  @IsOptional()
  @IsBase64({}, { message: 'contentBase64 moet base64 zijn' })
  @MaxLength(Math.ceil(MAX_IMPORT_CHARS / 3) * 4, { message: 'het bestand is groter dan 20 MB; splits het' })
  contentBase64?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Only check and report; write nothing' })
  @IsOptional()
  @IsBoolean({ message: 'dryRun moet waar of onwaar zijn' })
  dryRun?: boolean;
}

@InputType({ description: 'An HSDS 3.1 JSON document to check (dryRun) or import' })
export class ImportHsdsInput {
  @Field({ description: 'JSON: an organization, a list of them, or an HSDS API page ({ contents: [...] }) of organizations or services' })
  @IsString({ message: 'content moet tekst zijn' })
  @MaxLength(MAX_IMPORT_CHARS, { message: 'het bestand is groter dan 20 MB; splits het' })
  content: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  @IsOptional()
  @IsBoolean({ message: 'dryRun moet waar of onwaar zijn' })
  dryRun?: boolean;
}
