/**
 * Built-ins newer than ES2017 for EdgeHTML (Microsoft Edge Legacy) and old Safari webviews: core-js's
 * stable set. A bundle of its own, loaded by boot.js only where something is missing, so current
 * webviews never download it.
 */
import 'core-js/stable';
