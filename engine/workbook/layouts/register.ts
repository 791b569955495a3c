/**
 * The layouts this build knows, in one place. Each layout file registers itself when imported here.
 */
export {};
import './familiar';
import './template';
