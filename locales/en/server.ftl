## What the server answers when it refuses a request: the `message` of
## `{"error": {"code", "message"}}`, in the request's language. One sentence each.

server-auth-required = Authentication required
server-token-expired = Token expired
server-bad-credentials = Wrong username, password or refresh token
server-forbidden = This page or address may not use this server
server-admin-only = Only an administrator may do this
server-not-found = Not found
server-internal = Internal server error
# Follows "The reading could not be completed:" (progress-error).
server-storage-failed = it could not be saved
# 503: a cluster's PostgreSQL is down or restarting.
server-storage-unavailable = The database cannot be reached right now; nothing was saved. Try again in a few seconds
server-json-content-type = The request body must be JSON (Content-Type: application/json)
server-json-syntax = The request body is not valid JSON (line { $line }, column { $column })
server-json-missing-field = The field { $field } is missing
server-json-invalid-field = The field { $field } has the wrong type or value
server-json-invalid = The request body does not have the expected shape
server-body-unreadable = The request body could not be read
server-query-missing-field = The query parameter { $field } is missing
server-query-invalid-field = The query parameter { $field } has the wrong type or value
server-query-invalid = The query string cannot be read
server-text-filter-long = The search text is longer than { $max } characters

## limits: login throttling and reading rates (429 and 503 with Retry-After)
server-limits-too-many-logins = Too many sign-in attempts; try again in { $seconds } seconds
server-limits-too-many-readings = Too many readings in a short time; try again in { $seconds } seconds
server-limits-too-many-token-requests = Too many session requests from this address; try again in { $seconds } seconds
server-limits-busy = The server is busy checking other sign-ins; try again in a moment

## edge: connections (issue 10 item 3).
server-edge-too-many-connections = Too many connections from your address; try again in a few seconds
