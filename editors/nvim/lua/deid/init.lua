-- deid for Neovim: PHI diagnostics and de-identification quick-fixes from
-- `deid lsp`. Works on Neovim 0.7 and later.
--
--   require('deid').setup {
--     cmd = { 'deid', 'lsp' },            -- the server
--     filetypes = { 'text', 'markdown' }, -- where it starts
--     settings = { severity = 'warning', excludeCategories = { 'Age' } },
--   }

local M = {}

local defaults = {
  cmd = { 'deid', 'lsp' },
  filetypes = { 'text', 'markdown' },
  -- The server's options (the `deid.toml` keys in camelCase, plus severity,
  -- languages, extensions, debounceMs, configPath, keyFile).
  settings = {},
  -- Files that mark a workspace root; else the file's folder.
  root_markers = { 'deid.toml', '.git' },
  autostart = true,
}

M.config = vim.deepcopy(defaults)

-- Client ids by root folder (Neovim 0.7, which has no vim.lsp.start).
local clients = {}

local function root_dir(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = name ~= '' and vim.fn.fnamemodify(name, ':p:h') or vim.fn.getcwd()
  for _, marker in ipairs(M.config.root_markers) do
    local found = vim.fn.findfile(marker, dir .. ';')
    if found == '' then
      found = vim.fn.finddir(marker, dir .. ';')
    end
    if found ~= '' then
      return vim.fn.fnamemodify(found, ':p:h'):gsub('/%.git/?$', '')
    end
  end
  return dir
end

local function client_config(root)
  local settings = M.config.settings or {}
  return {
    name = 'deid',
    cmd = M.config.cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    init_options = settings,
    settings = { deid = settings },
  }
end

--- Starts (or reuses) the server for `bufnr` and attaches it.
function M.attach(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  if vim.api.nvim_buf_get_option(bufnr, 'buftype') ~= '' then
    return
  end
  local root = root_dir(bufnr)
  if vim.lsp.start then
    return vim.lsp.start(client_config(root), { bufnr = bufnr })
  end
  local id = clients[root]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client(client_config(root))
    clients[root] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
  return id
end

--- The deid client attached to `bufnr`, if any.
function M.client(bufnr)
  local list = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = bufnr }) or vim.lsp.buf_get_clients(bufnr)
  for _, c in pairs(list) do
    if c.name == 'deid' then
      return c
    end
  end
end

local function notify(msg, level)
  vim.notify('deid: ' .. msg, level or vim.log.levels.INFO)
end

--- Runs server command `command` on the current buffer; `on_result` gets its answer.
function M.execute(command, extra, on_result)
  local bufnr = vim.api.nvim_get_current_buf()
  local client = M.client(bufnr)
  if not client then
    notify('no deid server for this buffer', vim.log.levels.WARN)
    return
  end
  local arg = vim.tbl_extend('force', { uri = vim.uri_from_bufnr(bufnr) }, extra or {})
  client.request('workspace/executeCommand', { command = command, arguments = { arg } }, function(err, result)
    if err then
      notify(err.message or tostring(err), vim.log.levels.ERROR)
    elseif on_result then
      on_result(result)
    end
  end, bufnr)
end

function M.redact()
  M.execute('deid.redactAll', nil, function(r)
    notify(('redacted %d span(s)'):format(r and r.count or 0))
  end)
end

function M.surrogate()
  M.execute('deid.surrogateAll', nil, function(r)
    notify(('replaced %d span(s) with surrogates'):format(r and r.count or 0))
  end)
end

function M.summary()
  M.execute('deid.summary', nil, function(r)
    if not r then
      return
    end
    local parts = {}
    for category, n in pairs(r.categories or {}) do
      table.insert(parts, ('%s %d'):format(category, n))
    end
    table.sort(parts)
    notify(('%d PHI span(s)%s'):format(r.total, #parts > 0 and (': ' .. table.concat(parts, ', ')) or ''))
  end)
end

function M.deidentify(mode)
  M.execute('deid.deidentify', { mode = mode ~= '' and mode or 'redact' }, function(r)
    if r and r.uri then
      notify('wrote ' .. vim.uri_to_fname(r.uri))
    end
  end)
end

function M.setup(opts)
  M.config = vim.tbl_deep_extend('force', vim.deepcopy(defaults), opts or {})
  local group = vim.api.nvim_create_augroup('deid', { clear = true })
  if M.config.autostart then
    vim.api.nvim_create_autocmd('FileType', {
      group = group,
      pattern = M.config.filetypes,
      callback = function(args)
        M.attach(args.buf)
      end,
    })
    -- Buffers opened before setup.
    for _, b in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(b) and vim.tbl_contains(M.config.filetypes, vim.bo[b].filetype) then
        M.attach(b)
      end
    end
  end
  local cmd = vim.api.nvim_create_user_command
  cmd('DeidRedact', M.redact, { desc = 'deid: redact all PHI in the buffer' })
  cmd('DeidSurrogate', M.surrogate, { desc = 'deid: replace all PHI in the buffer with surrogates' })
  cmd('DeidSummary', M.summary, { desc = 'deid: PHI counts per category' })
  cmd('DeidDeidentify', function(a)
    M.deidentify(a.args)
  end, {
    nargs = '?',
    complete = function()
      return { 'redact', 'surrogate' }
    end,
    desc = 'deid: write a de-identified copy beside the file',
  })
  cmd('DeidStart', function()
    M.attach(0)
  end, { desc = 'deid: start checking this buffer' })
end

return M
