import { Label, Text } from '@app/engine';

export { ClientInformed } from '@app/engine';

export class HandoverWritten {
  @Label('Överlämning till den nya socialsekreteraren', {
    help: 'Nuläge, pågående processer och nästa steg, överenskommelser med klienten och vad klienten redan har berättat.',
  })
  @Text()
  summary!: string;
}
