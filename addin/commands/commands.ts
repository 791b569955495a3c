/**
 * The ribbon's function file. The only button opens the task pane (ShowTaskpane needs no code); the
 * page must still initialise Office.js for Excel to consider the add-in loaded.
 */
if (typeof Office !== 'undefined') void Office.onReady();
