import type { JsonSchema, LastStep } from '../api/types';
import { formatDateTime } from '../format';
import { SchemaForm } from '../forms/schema-form';
import { Disclosure } from './disclosure';

const SCHEMA: JsonSchema = {
  type: 'object',
  required: ['reason'],
  properties: {
    reason: {
      type: 'string',
      title: 'Vad blev fel?',
      description: 'Till exempel att steget registrerades för tidigt, i fel ärende eller med fel svar.',
      maxLength: 4000,
    },
  },
};

/**
 * Undoing the process's latest step, recorded by mistake. Nothing is
 * erased, so the form says both that the process goes back and that the
 * history keeps the step beside its correction.
 */
export function StepCorrection({
  lastStep,
  onCorrect,
}: {
  readonly lastStep: LastStep;
  readonly onCorrect: (reason: string) => Promise<void>;
}) {
  return (
    <Disclosure label="Rätta senaste steget">
      {(close) => (
        <>
          <p>
            Steget ”{lastStep.label}”, registrerat {formatDateTime(lastStep.at)}, ångras: processen går
            tillbaka till där den stod före steget. Historiken behåller både steget och rättelsen, ingenting
            raderas.
          </p>
          <SchemaForm
            schema={SCHEMA}
            submitLabel="Rätta steget"
            failedHeading="Steget kunde inte rättas."
            onCancel={close}
            onSubmit={async (values) => {
              await onCorrect(String(values.reason));
              close(false);
            }}
          />
        </>
      )}
    </Disclosure>
  );
}
