import { readFileSync } from 'node:fs';
import path from 'node:path';
import { onnxFilesFor } from '../../src/node/translation/model-folder';
import { FakeHub } from '../support/fake-hub';
import { tinyModelFolder } from '../support/tiny-model';
import { expect, test } from './fixtures';

// A fresh install, and a hub on this machine that serves the tiny test model under the catalog's Arabic model.
test.use({ withTinyModel: false });

const textFiles = ['config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json'];
const onnx = [...onnxFilesFor.q8, ...onnxFilesFor.fp32];

let hub: FakeHub;
test.beforeAll(async () => {
  const files = new Map([...textFiles, ...onnx].map((file) => [file, readFileSync(path.join(tinyModelFolder, file))]));
  hub = new FakeHub({ repo: 'Xenova/opus-mt-ar-en', revision: 'main', files, large: new Set(onnx) });
  await hub.start();
});
test.afterAll(async () => {
  await hub.stop();
});

test('an installed q8 model gets its fp32 files from the Models screen, and then offers fp32', async ({ openWorkbench, page }) => {
  await openWorkbench('#/settings');
  await page.getByLabel('Model hub address').fill(hub.url);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved.')).toBeVisible();

  await page.getByRole('link', { name: 'Models' }).click();
  await page.getByRole('list', { name: 'Catalog' }).getByRole('button', { name: /^Install opus-mt-ar-en/ }).click();
  const installed = page.getByRole('list', { name: 'Installed models' }).getByRole('listitem').filter({ hasText: 'opus-mt-ar-en' });
  await expect(installed).toBeVisible({ timeout: 30_000 });
  const precision = installed.getByRole('combobox', { name: 'Precision of opus-mt-ar-en' });
  await expect(precision.getByRole('option')).toHaveText([/^q8/]);
  await expect(precision).toBeDisabled();

  await installed.getByRole('button', { name: /^Get the fp32 files/ }).click();
  await expect(precision.getByRole('option')).toHaveText([/^fp32/, /^q8/], { timeout: 30_000 });
  await expect(installed.getByRole('button', { name: /^Get the fp32 files/ })).toHaveCount(0);
  await precision.selectOption('fp32');
  await expect(precision).toHaveValue('fp32');
  expect(hub.gets('onnx/decoder_model_merged.onnx').length).toBeGreaterThan(0);
});
