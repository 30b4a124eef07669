// The part of bpmn-moddle the export test uses; the package ships no types.
declare module 'bpmn-moddle' {
  export default class BpmnModdle {
    fromXML(xml: string): Promise<{
      rootElement: unknown;
      warnings: { message: string }[];
      elementsById: Record<string, { $type: string }>;
    }>;
  }
}
