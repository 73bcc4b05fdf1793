namespace Entraide.App.Cooperation;

// What other modules may use of Cooperation. No module depends on it today: the Notifications module
// links to a request's page by its path (/requests/{id}) and never reads requests. A module that needs a
// request (evidence attached to it, statistics) gets an interface here, implemented in Requests/, and
// never the entities, handlers or tables.
