// Doorstep's one sign-in: the webapp's own sign-in form hands over to /login (../doorstep/sign-in.js).
export default {
  customScripts: ['../doorstep/sign-in']
};
