// Each role sees only the doors it may open; the server enforces the same rules.
const doors = [
  { title: 'Tasklist', href: '/camunda/app/tasklist/default/', text: 'Your visits and the decisions waiting for you.',
    groups: ['headteacher', 'dsl', 'office', 'visiting-staff', 'senior-leaders', 'camunda-admin'] },
  { title: 'Request a home visit', href: '/request-visit.html', text: 'Ask for a visit to a pupil\'s home.',
    groups: ['visiting-staff', 'office', 'headteacher', 'dsl'] },
  { title: 'Check in from a visit', href: '/check-in.html', text: 'Arrived, I\'m OK, leaving, back at school, emergency.',
    groups: ['visiting-staff', 'office'] },
  { title: 'Safety board', href: '/safety-board.html', text: 'Everyone out on a visit now, and anything overdue.',
    groups: ['office', 'senior-leaders', 'camunda-admin'] },
  { title: 'Incidents and near misses', href: '/incidents.html', text: 'Record one; leaders review them (Burgh 11).',
    groups: ['visiting-staff', 'office', 'headteacher', 'dsl', 'senior-leaders'] },
  { title: 'Cockpit', href: '/camunda/app/cockpit/default/', text: 'Watch running and finished visits.',
    groups: ['senior-leaders', 'headteacher', 'dsl', 'camunda-admin'] },
  { title: 'Schools', href: '/schools.html', text: 'Onboard a school, import its calendar, give users their schools.',
    groups: ['camunda-admin'] },
  { title: 'Admin', href: '/camunda/app/admin/default/', text: 'Users, groups and permissions.',
    groups: ['camunda-admin'] }
];
fetch('/api/me').then(r => r.json()).then(me => {
  document.getElementById('who').textContent = me.userId + ' (' + me.groups.join(', ') + ')';
  const list = document.getElementById('doors');
  doors.filter(d => d.groups.some(g => me.groups.includes(g))).forEach(d => {
    const a = document.createElement('a');
    a.className = 'card'; a.href = d.href;
    a.innerHTML = '<h2></h2><p></p>';
    a.querySelector('h2').textContent = d.title;
    a.querySelector('p').textContent = d.text;
    list.appendChild(a);
  });
});
