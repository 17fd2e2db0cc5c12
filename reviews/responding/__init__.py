"""The respondent's side: the browser's session, links, meeting codes, drafts."""
