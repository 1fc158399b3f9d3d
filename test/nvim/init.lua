-- End-to-end check in a real editor: Neovim's built-in LSP client on csmlint-language-server.
-- Run headless: nvim --headless --clean -u test/nvim/init.lua
-- Inputs (environment): CSMLINT_NODE, CSMLINT_SERVER (the built bin), CSMLINT_FILE (a broken
-- metadata.yaml), CSMLINT_FIXED (a file holding the fixed text), CSMLINT_OUT (the JSON result).
-- Output: { client = {...}, broken = [diagnostics], fixed = [diagnostics] } as JSON in CSMLINT_OUT.

local env = vim.env
local result = { steps = {} }

local function finish(code)
  local file = io.open(env.CSMLINT_OUT, 'w')
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd((code == 0) and 'qall!' or ('cquit ' .. code))
end

local function step(name)
  table.insert(result.steps, name)
end

-- Diagnostics of the current buffer in a plain shape (0-based lines and columns, as Neovim keeps them).
local function diagnostics()
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(list, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message, source = d.source,
      code = d.code or lsp.code,
    })
  end
  table.sort(list, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  return list
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(env.CSMLINT_FILE))
  local config = {
    name = 'csmlint',
    cmd = { env.CSMLINT_NODE, env.CSMLINT_SERVER, '--stdio' },
    root_dir = vim.fn.fnamemodify(env.CSMLINT_FILE, ':h'),
    settings = { csmlint = { debounceMs = 30 } },
  }
  -- vim.lsp.start arrived in Neovim 0.8; Debian 12 ships 0.7, where start_client + buf_attach_client do the same.
  local client_id
  if vim.lsp.start then
    client_id = vim.lsp.start(config)
  else
    client_id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(0, client_id)
  end
  step('started')
  if not vim.wait(15000, function() return #vim.diagnostic.get(0) > 0 end, 20) then
    error('no diagnostics for the broken file')
  end
  local client = vim.lsp.get_client_by_id(client_id)
  result.client = { name = client.name, offset_encoding = client.offset_encoding, version = tostring(vim.version().minor) }
  result.broken = diagnostics()
  step('broken')

  local fixed = vim.fn.readfile(env.CSMLINT_FIXED)
  vim.api.nvim_buf_set_lines(0, 0, -1, false, fixed)
  if not vim.wait(15000, function() return #vim.diagnostic.get(0) == 0 end, 20) then
    error('diagnostics did not clear after the fix: ' .. vim.fn.json_encode(diagnostics()))
  end
  result.fixed = diagnostics()
  step('fixed')
  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
  step('stopped')
end)

if not ok then
  result.error = tostring(err)
  finish(3)
else
  finish(0)
end
