import os from 'node:os';
import path from 'node:path';

export const TEMPLATE_DB = 'sinergi_test_template';
export const TEMPLATE_DUMP = path.join(os.tmpdir(), 'sinergi-test-template.tar');
