import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';
import { applyInOrder, Label } from './fields';

/**
 * A step with warning rules extends this: the sender names the warnings
 * they have read, and the step is then taken and keeps the list, so the
 * history shows it was taken knowingly (a rule's `warning`).
 */
export class AcknowledgesWarnings {
  @IsOptional()
  @applyInOrder(
    IsArray(),
    ArrayMaxSize(20),
    IsString({ each: true }),
    MaxLength(100, { each: true }),
    Label('Varningar som har lästs', {
      help: 'Fylls i när du har läst en varning och ändå vill gå vidare.',
    }),
  )
  acknowledgedWarnings?: string[];
}
