-- Drives the Fairword language server from headless Neovim, as a person would with the built-in LSP client
-- configured as docs/editors.md says: open an advert, wait for Fairword's diagnostics, ask for the code actions of
-- one, apply a replacement, save, and wait for the diagnostics of the new text. Every wait polls a condition with a deadline (vim.wait).
-- Works with Neovim 0.7 (Debian 12) and later. Writes what happened as JSON to $FAIRWORD_RESULT.
local result_path = assert(os.getenv('FAIRWORD_RESULT'), 'FAIRWORD_RESULT is not set')
local result = {}

local function finish(code)
  local file = assert(io.open(result_path, 'w'))
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd(code == 0 and 'qall!' or ('cquit ' .. code))
end

local function fail(message)
  result.error = message
  finish(1)
end

local bufnr = vim.api.nvim_get_current_buf()

-- Each diagnostic as "line:col-line:col code message", 1-based, sorted.
local function diagnostics()
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(list, string.format('%d:%d-%d:%d %s %s', d.lnum + 1, d.col + 1, d.end_lnum + 1, d.end_col + 1, d.code, d.message))
  end
  table.sort(list)
  return list
end

local function find(code)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == code then return d end
  end
end

-- The configuration from docs/editors.md (loaded with --cmd, before the advert) starts the client when the
-- advert's filetype is set.
if not vim.wait(30000, function() return next(vim.lsp.buf_get_clients(bufnr)) ~= nil end, 20) then
  return fail('no language client attached to the advert within 30 s')
end
local client_id = next(vim.lsp.buf_get_clients(bufnr))

if not vim.wait(30000, function() return find('gendered-job-title') ~= nil end, 20) then
  return fail('no gendered-job-title diagnostic within 30 s; had: ' .. table.concat(diagnostics(), ' | '))
end
result.diagnostics = diagnostics()

-- The code actions for that diagnostic, asked for as vim.lsp.buf.code_action() asks.
local target = find('gendered-job-title')
local params = {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  range = { start = { line = target.lnum, character = target.col }, ['end'] = { line = target.end_lnum, character = target.end_col } },
  context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, target.lnum) },
}
local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000)
local response = responses and responses[client_id]
if not response or response.err then return fail('code actions failed: ' .. vim.inspect(response and response.err)) end
result.actions = {}
local replace
for _, action in ipairs(response.result or {}) do
  table.insert(result.actions, action.title)
  if action.title == "Replace with 'salesperson'" then replace = action end
end
if not replace then return fail('no "Replace with \'salesperson\'" action') end
vim.lsp.util.apply_workspace_edit(replace.edit, 'utf-16')
vim.cmd('write')
result.lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)

-- The server re-checks the changed text: the finding that was fixed goes, the other stays.
if not vim.wait(30000, function() return find('gendered-job-title') == nil and #vim.diagnostic.get(bufnr) > 0 end, 20) then
  return fail('the fixed finding did not go within 30 s; had: ' .. table.concat(diagnostics(), ' | '))
end
result.after = diagnostics()
finish(0)
