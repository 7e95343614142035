// Doorstep's one sign-in: the webapp's own sign-in form hands over to /login (../doorstep/sign-in.js).
// The shortcuts are Tasklist's defaults, which a config.js of our own would otherwise drop.
export default {
  customScripts: ['../doorstep/sign-in'],
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
