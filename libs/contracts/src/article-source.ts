import { IsString, MaxLength } from 'class-validator';
import { Nullable } from './nullable.decorator';

/** Where an article came from, as far as it is known; unknown parts are null, never guessed. */
export interface ArticleSource {
  file: string | null;
  url: string | null;
  outlet: string | null;
}

export class ArticleSourceDto implements ArticleSource {
  @Nullable() @IsString() @MaxLength(1024) file!: string | null;
  @Nullable() @IsString() @MaxLength(4096) url!: string | null;
  @Nullable() @IsString() @MaxLength(256) outlet!: string | null;
}
