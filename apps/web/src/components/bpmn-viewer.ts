// Loaded on demand with its styles, so they never weigh on the first page.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
export { default } from 'bpmn-js/lib/Viewer';
