export { hazardCase } from './hazard-case.workflow';
