namespace Entraide.App.Evidence;

// What other modules may use of Evidence: nothing yet. The request page includes the partial
// Evidence/Pages/_RequestEvidence.cshtml, which reads through the Evidence module's own queries.
