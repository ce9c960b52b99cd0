-- End-to-end check run by `nvim --headless --clean -u editors/nvim/tests/e2e.lua`:
-- the plugin starts $DEID_BIN lsp on $DEID_NOTE, waits for diagnostics, runs
-- :DeidRedact and writes the buffer and the diagnostic count to $DEID_OUT.

local out = os.getenv('DEID_OUT')
local function finish(lines, code)
  vim.fn.writefile(lines, out)
  vim.cmd((code == 0) and 'qall!' or 'cquit!')
end

local ok, err = pcall(function()
  vim.opt.runtimepath:prepend(os.getenv('DEID_PLUGIN'))
  vim.cmd('filetype on')
  require('deid').setup({
    cmd = { os.getenv('DEID_BIN'), 'lsp' },
    settings = { debounceMs = 10 },
  })
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('DEID_NOTE')))
  local buf = vim.api.nvim_get_current_buf()
  if vim.bo[buf].filetype ~= 'text' then
    vim.bo[buf].filetype = 'text'
  end
  local got = vim.wait(20000, function()
    return #vim.diagnostic.get(buf) > 0
  end, 50)
  if not got then
    error('no diagnostics within 20 s')
  end
  local count = #vim.diagnostic.get(buf)
  local before = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
  vim.cmd('DeidRedact')
  local changed = vim.wait(20000, function()
    return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n') ~= before
  end, 50)
  if not changed then
    error('the buffer did not change after :DeidRedact')
  end
  local lines = { 'diagnostics ' .. count }
  vim.list_extend(lines, vim.api.nvim_buf_get_lines(buf, 0, -1, false))
  finish(lines, 0)
end)
if not ok then
  finish({ 'ERROR ' .. tostring(err) }, 1)
end
