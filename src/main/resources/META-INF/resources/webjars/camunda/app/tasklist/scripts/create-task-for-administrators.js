// Tasklist offers "Create task" whatever the user may do; the engine refuses a standalone task to
// anyone without CREATE on tasks, which only administrators hold (security.IdentitySetup). Ask the
// engine once and show the action (hidden by styles/user-styles.css) only to those it lets create.
const base = document.querySelector('base');
const engine = (window.location.pathname.match(/\/app\/tasklist\/([^/]+)\//) || [null, 'default'])[1];
fetch(base.getAttribute('engine-api') + 'engine/' + encodeURIComponent(engine)
    + '/authorization/check?permissionName=CREATE&resourceName=Task&resourceType=7',
    {credentials: 'same-origin', headers: {Accept: 'application/json'}})
  .then(response => (response.ok ? response.json() : {authorized: false}))
  .then(answer => {
    if (answer.authorized) {
      document.body.classList.add('doorstep-may-create-tasks');
    }
  });
