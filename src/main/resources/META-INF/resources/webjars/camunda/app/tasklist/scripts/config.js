// Doorstep's Tasklist configuration, in place of the one Camunda ships at this address
// (docs/architecture.md, "Tasklist"). The Community Edition's "migrate to Camunda 8" banner has no
// switch here: styles/user-styles.css hides it.
export default {
  app: {
    name: 'Tasklist',
    vendor: 'Doorstep'
  },
  // Dates the British way, in words, whatever the browser's language: "Mon 30 Nov 2026, 14:05".
  dateFormat: {
    monthName: 'MMMM',
    day: 'D',
    abbr: 'D MMM YYYY, HH:mm',
    normal: 'ddd D MMM YYYY, HH:mm',
    long: 'dddd D MMMM YYYY, HH:mm',
    short: 'D MMMM YYYY'
  },
  locales: {
    availableLocales: ['en'],
    fallbackLocale: 'en'
  },
  // Tasklist offers "Create task" to everyone; this shows it only to those the engine lets create one.
  // Tasklist's own sign-in form hands over to Doorstep's /login (../doorstep/sign-in.js).
  customScripts: ['scripts/create-task-for-administrators', '../doorstep/sign-in'],
  // Camunda's own keyboard shortcuts, kept: this file replaces the one that declared them.
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
