import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Grid,
  Input,
  Radio,
  Result,
  Row,
  Select,
  Space,
  Spin,
  Typography,
  type FormInstance,
} from 'antd';
import type { Rule } from 'antd/es/form';
import { cloneElement, useEffect, useRef, useState } from 'react';
import { householdMemberInput, inputOfFile, workerFileInput, type WorkerFile, type WorkerFileInput } from '../../../../shared/contract/files';
import { MARITAL_STATUS_LABELS, MARITAL_STATUSES, RELATION_LABELS, RELATIONS, type MaritalStatus, type Relation } from '../../../../shared/household';
import { RISK_FLAGS, RISK_FLAG_LABELS, type RiskFlag } from '../../../../shared/household';
import { ageOn, normalizeIdNumber, validateIdNumber } from '../../../../shared/idcard';
import {
  ALLOWANCE_LABELS,
  ALLOWANCE_STATUSES,
  DISABILITY_GRADES,
  EMPLOYMENT_STATUS_LABELS,
  EMPLOYMENT_STATUSES,
  FILE_DOCUMENT_LABELS,
  FILE_DOCUMENTS,
  HARDSHIP_CAUSE_LABELS,
  HARDSHIP_CAUSES,
  MODEL_WORKER_LABELS,
  MODEL_WORKER_LEVELS,
  type AllowanceStatus,
  type EmploymentStatus,
  type FileDocument,
  type HardshipCause,
  type ModelWorkerLevel,
} from '../../../../shared/workerFile';
import { fileNumber } from '../../../../shared/workerFile';
import { invoke } from '../../api';
import { MoneyInput } from '../../components/MoneyInput';
import { useAction } from '../../components/useAction';
import { useHotkey } from '../../components/useHotkey';
import { useLeaveGuard } from '../../components/useLeaveGuard';
import { useServerToday } from '../../components/useServerToday';
import { zodRule } from '../../components/zodRule';
import { currentPath, navigate } from '../../router';
import { HouseholdPreview } from './HouseholdPreview';
import { SEX_LABELS } from './fileLabels';

interface MemberValues {
  name?: string;
  relation?: Relation;
  idNumber?: string;
  monthlyIncomeFen?: number;
  unmarried?: boolean;
  student?: boolean;
  disabled?: boolean;
  seriouslyIll?: boolean;
}

interface FormValues {
  name?: string;
  idNumber?: string;
  phone?: string;
  address?: string;
  workUnit?: string;
  baseUnion?: string;
  employmentStatus?: EmploymentStatus;
  modelWorkerLevel?: ModelWorkerLevel;
  allowanceStatus?: AllowanceStatus;
  medicalInsured?: boolean;
  disabilityGrade?: number | null;
  maritalStatus?: MaritalStatus;
  singleParent?: boolean;
  ownMonthlyIncomeFen?: number;
  members?: MemberValues[];
  hardshipCauses?: HardshipCause[];
  hardshipDescription?: string;
  riskFlag?: RiskFlag;
  riskNote?: string;
  bankName?: string;
  bankCard?: string;
  documents?: FileDocument[];
}

const F = workerFileInput.shape;
const M = householdMemberInput.shape;
const MAX_MEMBERS = 20;
const BANKS = ['中国工商银行', '中国农业银行', '中国银行', '中国建设银行', '交通银行', '中国邮政储蓄银行', '农村商业银行', '农村信用合作社', '城市商业银行'];

// Text fields start as '' so an untouched field gets the schema's "please fill in" message, not a type error.
const NEW_FILE: FormValues = {
  name: '',
  idNumber: '',
  phone: '',
  address: '',
  workUnit: '',
  baseUnion: '',
  hardshipDescription: '',
  riskFlag: 'none',
  riskNote: '',
  bankName: '',
  bankCard: '',
  modelWorkerLevel: 'none',
  allowanceStatus: 'none',
  disabilityGrade: null,
  singleParent: false,
  ownMonthlyIncomeFen: 0,
  members: [],
  hardshipCauses: [],
  documents: [],
};

/** Relations whose marriage decides whether they count (householdSize); unknown = unmarried for children and siblings. */
const unmarriedMatters = (r?: Relation) => r !== undefined && r !== 'spouse' && r !== 'parent';
const unmarriedDefault = (r?: Relation) => r === 'child' || r === 'sibling';

const fromFile = (f: WorkerFile): FormValues => inputOfFile(f);

/** The form's values as the contract's input; every field has passed its zod rule by now. */
function toInput(v: FormValues): WorkerFileInput {
  return {
    name: v.name ?? '',
    idNumber: normalizeIdNumber(v.idNumber ?? ''),
    phone: v.phone?.trim() ?? '',
    address: v.address ?? '',
    workUnit: v.workUnit ?? '',
    baseUnion: v.baseUnion ?? '',
    employmentStatus: v.employmentStatus!,
    modelWorkerLevel: v.modelWorkerLevel ?? 'none',
    allowanceStatus: v.allowanceStatus ?? 'none',
    medicalInsured: v.medicalInsured!,
    disabilityGrade: v.disabilityGrade ?? null,
    maritalStatus: v.maritalStatus!,
    singleParent: !!v.singleParent,
    ownMonthlyIncomeFen: v.ownMonthlyIncomeFen ?? 0,
    members: (v.members ?? []).map((m) => ({
      name: m.name ?? '',
      relation: m.relation!,
      idNumber: m.idNumber ? normalizeIdNumber(m.idNumber) : '',
      monthlyIncomeFen: m.monthlyIncomeFen ?? 0,
      ...(unmarriedMatters(m.relation) && m.unmarried !== undefined ? { unmarried: m.unmarried } : {}),
      student: !!m.student,
      disabled: !!m.disabled,
      seriouslyIll: !!m.seriouslyIll,
    })),
    hardshipCauses: v.hardshipCauses ?? [],
    hardshipDescription: v.hardshipDescription ?? '',
    riskFlag: v.riskFlag ?? 'none',
    riskNote: v.riskNote ?? '',
    bankName: v.bankName ?? '',
    bankCard: (v.bankCard ?? '').replace(/\s+/g, ''),
    documents: v.documents ?? [],
  };
}

/** Prefill from '#/files/new?idNumber=…&name=…' (the search box's "新建档案"). */
function prefill(): FormValues {
  const query = currentPath().split('?')[1];
  if (!query) return {};
  const q = new URLSearchParams(query);
  const out: FormValues = {};
  const id = q.get('idNumber');
  const name = q.get('name');
  if (id) out.idNumber = id;
  if (name) out.name = name;
  return out;
}

/** MoneyInput leaves the value undefined for text that is not an amount; say so, then let the contract check the rest. */
const moneyRules = (label: string, schema: Parameters<typeof zodRule>[0]): Rule[] => [
  {
    validator: async (_r, v: unknown) => {
      if (v === undefined) throw new Error(`${label}请填写金额，如 1200 或 1200.50（最多两位小数）`);
    },
  },
  zodRule(schema),
];

const idNormalize = (v: unknown) => (typeof v === 'string' ? normalizeIdNumber(v) : v);
const digitsNormalize = (v: unknown) => (typeof v === 'string' ? v.replace(/\s+/g, '') : v);

/** Sex, birth date and age read from a valid ID number, beside the box. */
function IdDerived({ value, compact }: { value?: string; compact?: boolean }) {
  // the age to the program's today, not the PC's
  const today = useServerToday();
  if (!value || !today) return null;
  const r = validateIdNumber(value, today);
  if (!r.ok) return null;
  const age = ageOn(r.birthDate, today);
  const [y, m, d] = r.birthDate.split('-');
  return (
    <Typography.Text type="success" data-testid={compact ? undefined : 'id-derived'} style={{ whiteSpace: 'nowrap', fontSize: compact ? 12 : undefined }}>
      {SEX_LABELS[r.sex]}
      {compact ? `，${age} 岁` : `　${y}年${Number(m)}月${Number(d)}日出生　${age} 岁`}
    </Typography.Text>
  );
}

/** "One file per ID number": warns while typing when the ID already has a file. */
function DuplicateWarning({ idNumber, selfId }: { idNumber?: string; selfId?: number }) {
  const [dup, setDup] = useState<{ id: number; name: string } | null>(null);
  const valid = idNumber ? validateIdNumber(idNumber) : null;
  const id = valid?.ok ? valid.id : null;
  useEffect(() => {
    setDup(null);
    if (!id) return;
    let live = true;
    // A 17-digit prefix is a plain prefix search on the ID column; then match exactly.
    invoke('files.search', { q: id.slice(0, 17), limit: 10 })
      .then(({ hits }) => {
        const h = hits.find((x) => x.idNumber === id && x.id !== selfId);
        if (live && h) setDup({ id: h.id, name: h.name });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [id, selfId]);
  if (!dup) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="id-duplicate"
      style={{ marginBottom: 16 }}
      title={`该身份证号已经建档：${dup.name}（档案编号 ${fileNumber(dup.id)}）。一人只建一份档案。`}
      action={<Button size="small" onClick={() => navigate(`/files/${dup.id}`)}>打开原档案</Button>}
    />
  );
}

function UnmarriedCheck(p: { value?: boolean; onChange?(v: boolean): void; relation?: Relation; id?: string; index: number }) {
  const checked = p.value ?? unmarriedDefault(p.relation);
  return (
    <Checkbox id={p.id} checked={checked} onChange={(e) => p.onChange?.(e.target.checked)} data-testid={`member-unmarried-${p.index}`}>
      未婚
    </Checkbox>
  );
}

function MemberRow({ form, name, index, onRemove }: { form: FormInstance<FormValues>; name: number; index: number; onRemove(): void }) {
  const relation = Form.useWatch(['members', name, 'relation'], form) as Relation | undefined;
  const idNumber = Form.useWatch(['members', name, 'idNumber'], form) as string | undefined;
  return (
    <div
      data-testid={`member-row-${index}`}
      style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: '12px 12px 0', marginBottom: 12, background: '#fafafa' }}
    >
      <Row gutter={12} align="top">
        <Col flex="none" style={{ paddingTop: 6, width: 28 }}>
          <Typography.Text type="secondary">{index + 1}.</Typography.Text>
        </Col>
        <Col flex="140px">
          <Form.Item name={[name, 'name']} rules={[zodRule(M.name)]} required>
            <Input placeholder="姓名" aria-label={`成员 ${index + 1} 姓名`} data-testid={`member-name-${index}`} />
          </Form.Item>
        </Col>
        <Col flex="170px">
          <Form.Item name={[name, 'relation']} rules={[zodRule(M.relation)]} required>
            <Select<Relation>
              placeholder="与本人关系"
              aria-label={`成员 ${index + 1} 与本人关系`}
              data-testid={`member-relation-${index}`}
              showSearch={{ optionFilterProp: 'label' }}
              options={RELATIONS.map((r) => ({ value: r, label: RELATION_LABELS[r] }))}
              onChange={() => form.setFieldValue(['members', name, 'unmarried'], undefined)}
            />
          </Form.Item>
        </Col>
        <Col flex="230px">
          <Form.Item
            name={[name, 'idNumber']}
            normalize={idNormalize}
            validateTrigger="onBlur"
            rules={[
              zodRule(M.idNumber),
              ({ getFieldValue }) => ({
                validator: async (_r, v?: string) => {
                  if (!v) return;
                  const own = normalizeIdNumber((getFieldValue('idNumber') as string | undefined) ?? '');
                  if (own && v === own) throw new Error('与本人身份证号相同');
                  const others = ((getFieldValue('members') as MemberValues[] | undefined) ?? []).filter((m, i) => i !== name && m?.idNumber);
                  if (others.some((m) => normalizeIdNumber(m.idNumber!) === v)) throw new Error('与其他家庭成员的身份证号重复');
                },
              }),
            ]}
            extra={<IdDerived value={idNumber} compact />}
          >
            <Input placeholder="身份证号（可不填）" aria-label={`成员 ${index + 1} 身份证号`} data-testid={`member-id-${index}`} maxLength={24} />
          </Form.Item>
        </Col>
        <Col flex="210px">
          <Form.Item name={[name, 'monthlyIncomeFen']} rules={moneyRules('月收入', M.monthlyIncomeFen.unwrap())}>
            <MemberMoney index={index} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12} align="middle" style={{ paddingLeft: 40, paddingBottom: 8 }}>
        <Col flex="auto">
          <Space size="middle" wrap>
            {unmarriedMatters(relation) && (
              <Form.Item name={[name, 'unmarried']} noStyle>
                <UnmarriedCheck relation={relation} index={index} />
              </Form.Item>
            )}
            <Form.Item name={[name, 'student']} valuePropName="checked" noStyle>
              <Checkbox data-testid={`member-student-${index}`}>在校学生</Checkbox>
            </Form.Item>
            <Form.Item name={[name, 'disabled']} valuePropName="checked" noStyle>
              <Checkbox data-testid={`member-disabled-${index}`}>残疾</Checkbox>
            </Form.Item>
            <Form.Item name={[name, 'seriouslyIll']} valuePropName="checked" noStyle>
              <Checkbox data-testid={`member-ill-${index}`}>重病</Checkbox>
            </Form.Item>
          </Space>
        </Col>
        <Col flex="none">
          <Button size="small" danger type="text" icon={<DeleteOutlined />} onClick={onRemove} data-testid={`member-remove-${index}`}>
            删除此成员
          </Button>
        </Col>
      </Row>
    </div>
  );
}

/** MoneyInput inside a wrapper that carries the test id and a label for screen readers. */
function MemberMoney(p: { value?: number; onChange?(fen: number | undefined): void; id?: string; index: number }) {
  return (
    <span data-testid={`member-income-${p.index}`} title="成员月收入">
      <MoneyInput value={p.value} onChange={p.onChange} id={p.id} aria-label={`第 ${p.index + 1} 位成员月收入`} />
    </span>
  );
}

const FOCUSABLE = 'input:not([type=hidden]):not([disabled]), textarea:not([disabled]), button:not([disabled])';

/** Focuses the field after (or before) `from` in its form, in document order. */
function moveFocus(from: HTMLElement, backwards = false): void {
  const form = from.closest('form');
  if (!form) return;
  const fields = [...form.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0 && el.tabIndex >= 0);
  const i = fields.indexOf(from);
  fields[i + (backwards ? -1 : 1)]?.focus();
}

/**
 * The suggestion boxes (AutoComplete) take Tab to pick the highlighted suggestion and keep the
 * focus; a clerk expects Tab to move on, so after the pick we move the focus ourselves.
 */
function tabLeavesSuggestions(e: React.KeyboardEvent<HTMLDivElement>) {
  if (e.key === 'Tab' && e.defaultPrevented && e.target instanceof HTMLElement) moveFocus(e.target, e.shiftKey);
}

/** Enter inside the members list moves to the next field instead of submitting half a form. */
function enterMovesOn(e: React.KeyboardEvent<HTMLDivElement>) {
  if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.altKey || e.nativeEvent.isComposing) return;
  const t = e.target as HTMLElement;
  if (t.tagName === 'BUTTON' || t.tagName === 'TEXTAREA') return;
  e.preventDefault();
  // An open dropdown used this Enter to pick an option.
  if (t.getAttribute('aria-expanded') === 'true' || t.getAttribute('role') === 'combobox') return;
  moveFocus(t);
}

export function FileFormPage({ id }: { id?: number }) {
  const editing = id !== undefined;
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const { busy, run } = useAction();
  const [line, setLine] = useState<number | null>(null);
  const [units, setUnits] = useState<string[]>([]);
  const [loaded, setLoaded] = useState<WorkerFile | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const leave = useLeaveGuard(dirty);
  const membersRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    invoke('settings.get', {})
      .then((s) => setLine(s.minLivingLineFen))
      .catch((e: Error) => message.error(e.message));
    invoke('files.units', {})
      .then(setUnits)
      .catch(() => undefined);
  }, [message]);

  useEffect(() => {
    if (!editing) return;
    invoke('files.get', { id })
      .then(setLoaded)
      .catch((e: Error) => setLoadError(e.message));
  }, [editing, id]);

  const watched = Form.useWatch([], form) as FormValues | undefined;
  const values = watched ?? {};
  const idNumber = values.idNumber;
  const workUnit = values.workUnit ?? '';
  const memberCount = values.members?.length ?? 0;

  const addMember = (add: (v: MemberValues) => void) => {
    add({ name: '', idNumber: '', monthlyIncomeFen: 0, student: false, disabled: false, seriouslyIll: false });
    setDirty(true);
    setTimeout(() => membersRef.current?.querySelector<HTMLInputElement>(`[data-testid="member-name-${memberCount}"]`)?.focus(), 0);
  };
  const addRef = useRef<() => void>(() => undefined);
  useHotkey({ key: 'm', alt: true }, () => addRef.current());
  // below 1200 px the household preview would squeeze the form: it moves above the form instead of beside it
  const wide = Grid.useBreakpoint().xl !== false;

  const save = async (v: FormValues) => {
    const input = toInput(v);
    const saved = await run(() => (editing ? invoke('files.update', { id, file: input }) : invoke('files.create', input)), editing ? '档案已保存' : '档案已建立');
    if (saved) leave(`/files/${saved.id}`);
  };

  if (loadError) return <Result status="error" title="无法打开档案" subTitle={loadError} extra={<Button onClick={() => navigate('/files')}>回到档案列表</Button>} />;
  if (editing && !loaded) return <Spin style={{ display: 'block', margin: 48 }} tip="正在读取档案…"><div /></Spin>;
  if (loaded?.status === 'exited') {
    return (
      <Result
        status="warning"
        title="档案已脱困退出，不能修改"
        subTitle="如需修改，请先由中心主任恢复在档。"
        extra={<Button onClick={() => navigate(`/files/${loaded.id}`)}>回到档案</Button>}
      />
    );
  }

  const title = editing ? `修改档案：${loaded?.name ?? ''}` : '新建困难职工档案';
  const cancelTo = editing ? `/files/${id}` : '/files';
  const preview = (
    <HouseholdPreview
      maritalStatus={values.maritalStatus}
      singleParent={values.singleParent}
      members={values.members ?? []}
      ownMonthlyIncomeFen={values.ownMonthlyIncomeFen}
      hardshipCauses={values.hardshipCauses}
      minLivingLineFen={line}
    />
  );

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={loaded ? fromFile(loaded) : { ...NEW_FILE, ...prefill() }}
      onFinish={(v) => void save(v)}
      onFinishFailed={({ errorFields }) => message.error(`还有 ${errorFields.length} 项需要填写或更正`)}
      onValuesChange={() => setDirty(true)}
      scrollToFirstError={{ focus: true, block: 'center' }}
      autoComplete="off"
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          form.submit();
        }
      }}
      disabled={busy}
    >
      <Row gutter={24} wrap={false}>
        <Col flex="auto" style={{ minWidth: 0 }}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {title}
            </Typography.Title>
            {!wide && preview}

            <Card size="small" title="基本信息">
              {!editing && <DuplicateWarning idNumber={idNumber} />}
              <Row gutter={16}>
                <Col span={6}>
                  <Form.Item label="姓名" name="name" rules={[zodRule(F.name)]} required>
                    <Input autoFocus data-testid="file-name" maxLength={30} />
                  </Form.Item>
                </Col>
                <Col span={10}>
                  <Form.Item
                    label="身份证号"
                    name="idNumber"
                    rules={[zodRule(F.idNumber)]}
                    normalize={idNormalize}
                    validateTrigger="onBlur"
                    required
                    extra={<IdDerived value={idNumber} />}
                  >
                    <Input data-testid="file-id-number" maxLength={24} placeholder="18 位，性别和出生日期自动读取" style={{ fontFamily: 'monospace' }} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item label="联系电话" name="phone" rules={[zodRule(F.phone)]} normalize={digitsNormalize} validateTrigger="onBlur">
                    <Input data-testid="file-phone" placeholder="手机或带区号的固定电话" maxLength={20} />
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Form.Item label="住址" name="address" rules={[zodRule(F.address)]}>
                    <Input data-testid="file-address" maxLength={120} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>

            <Card size="small" title="工作与保障">
              <Row gutter={16}>
                <Col span={12}>
                  <Form.Item label="工作单位" name="workUnit" rules={[zodRule(F.workUnit)]} required>
                    <SuggestBox>
                      <AutoComplete
                        data-testid="file-work-unit"
                        // No option is active until ↓ is pressed, so Tab keeps what was typed and moves on.
                        defaultActiveFirstOption={false}
                        options={units.filter((u) => u !== workUnit && u.includes(workUnit)).slice(0, 20).map((u) => ({ value: u }))}
                        placeholder="输入单位名称，已有单位可从列表选择"
                      />
                    </SuggestBox>
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item label="基层工会" name="baseUnion" rules={[zodRule(F.baseUnion)]}>
                    <Input data-testid="file-base-union" maxLength={60} />
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Form.Item label="就业状况" name="employmentStatus" rules={[zodRule(F.employmentStatus)]} required>
                    <Radio.Group data-testid="file-employment" optionType="button" options={EMPLOYMENT_STATUSES.map((s) => ({ value: s, label: EMPLOYMENT_STATUS_LABELS[s] }))} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item label="低保状况" name="allowanceStatus" rules={[zodRule(F.allowanceStatus)]}>
                    <Radio.Group data-testid="file-allowance" optionType="button" options={ALLOWANCE_STATUSES.map((s) => ({ value: s, label: ALLOWANCE_LABELS[s] }))} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item label="参加医疗保险" name="medicalInsured" rules={[zodRule(F.medicalInsured)]} required>
                    <Radio.Group data-testid="file-insured" optionType="button" options={[{ value: true, label: '已参保' }, { value: false, label: '未参保' }]} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item label="劳模" name="modelWorkerLevel" rules={[zodRule(F.modelWorkerLevel)]}>
                    <Radio.Group data-testid="file-model-worker" optionType="button" options={MODEL_WORKER_LEVELS.map((s) => ({ value: s, label: MODEL_WORKER_LABELS[s] }))} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item
                    label="本人残疾等级"
                    name="disabilityGrade"
                    rules={[zodRule(F.disabilityGrade)]}
                    getValueProps={(v: number | null | undefined) => ({ value: v ?? 0 })}
                    normalize={(v: number) => (v === 0 ? null : v)}
                  >
                    <Radio.Group
                      data-testid="file-disability"
                      optionType="button"
                      options={[{ value: 0, label: '无' }, ...DISABILITY_GRADES.map((g) => ({ value: g, label: `${'一二三四'[g - 1]}级` }))]}
                    />
                  </Form.Item>
                </Col>
              </Row>
            </Card>

            <Card size="small" title="家庭成员">
              <Row gutter={16}>
                <Col span={12}>
                  <Form.Item label="本人婚姻状况" name="maritalStatus" rules={[zodRule(F.maritalStatus)]} required>
                    <Radio.Group data-testid="file-marital" optionType="button" options={MARITAL_STATUSES.map((s) => ({ value: s, label: MARITAL_STATUS_LABELS[s] }))} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item label="单亲家庭" name="singleParent" valuePropName="checked" extra="单亲家庭按本人和未婚子女的实际人口计算">
                    <Checkbox data-testid="file-single-parent">是单亲家庭</Checkbox>
                  </Form.Item>
                </Col>
              </Row>
              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 12 }}>
                登记本人以外的家庭成员（配偶、子女、父母等）。在成员栏里按 Enter 跳到下一项；Alt+M 添加成员。
              </Typography.Text>
              <div ref={membersRef} onKeyDown={enterMovesOn}>
                <Form.List name="members">
                  {(fields, { add, remove }) => {
                    addRef.current = () => (fields.length < MAX_MEMBERS ? addMember(add) : undefined);
                    return (
                      <>
                        {fields.map((field, index) => (
                          <MemberRow
                            key={field.key}
                            form={form}
                            name={field.name}
                            index={index}
                            onRemove={() => {
                              remove(field.name);
                              setDirty(true);
                            }}
                          />
                        ))}
                        <Button
                          type="dashed"
                          block
                          icon={<PlusOutlined />}
                          data-testid="member-add"
                          disabled={fields.length >= MAX_MEMBERS}
                          onClick={() => addMember(add)}
                        >
                          {fields.length >= MAX_MEMBERS ? `家庭成员最多 ${MAX_MEMBERS} 人` : '添加家庭成员（Alt+M）'}
                        </Button>
                      </>
                    );
                  }}
                </Form.List>
              </div>
            </Card>

            <Card size="small" title="收入与困难情况">
              <Row gutter={16}>
                <Col span={24}>
                  <Form.Item
                    label="本人月收入"
                    name="ownMonthlyIncomeFen"
                    rules={moneyRules('本人月收入', F.ownMonthlyIncomeFen.unwrap())}
                    extra="家庭月收入 = 本人月收入 + 各成员月收入"
                  >
                    <OwnMoney />
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Form.Item label="致困原因（可多选）" name="hardshipCauses" rules={[zodRule(F.hardshipCauses)]} required>
                    <Checkbox.Group data-testid="file-causes" options={HARDSHIP_CAUSES.map((c) => ({ value: c, label: HARDSHIP_CAUSE_LABELS[c] }))} />
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Form.Item label="困难情况说明" name="hardshipDescription" rules={[zodRule(F.hardshipDescription)]}>
                    <Input.TextArea data-testid="file-description" autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} showCount />
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Form.Item label="动态管理预警" name="riskFlag" extra="橙色预警（人均收入在低保线 1–1.5 倍之间）由系统按收入自动判断">
                    <Radio.Group data-testid="file-risk-flag" optionType="button" options={RISK_FLAGS.map((r) => ({ value: r, label: r === 'none' ? '无' : r === 'red' ? '红色' : '黄色' }))} />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate={(a: FormValues, b: FormValues) => a.riskFlag !== b.riskFlag}>
                    {({ getFieldValue }) =>
                      getFieldValue('riskFlag') !== 'none' && (
                        <Form.Item label="预警原因" name="riskNote" rules={[{ required: true, min: 2, message: '设置红色或黄色预警时请写明原因' }]}>
                          <Input data-testid="file-risk-note" maxLength={500} placeholder={RISK_FLAG_LABELS[getFieldValue('riskFlag') as RiskFlag]} />
                        </Form.Item>
                      )
                    }
                  </Form.Item>
                </Col>
              </Row>
            </Card>

            <Card size="small" title="银行卡与材料">
              <Row gutter={16}>
                <Col span={10}>
                  <Form.Item label="开户银行" name="bankName" rules={[zodRule(F.bankName)]}>
                    <SuggestBox>
                      <AutoComplete
                        data-testid="file-bank-name"
                        defaultActiveFirstOption={false}
                        options={BANKS.filter((b) => b.includes(values.bankName ?? '') && b !== values.bankName).map((b) => ({ value: b }))}
                        placeholder="救助款发放用"
                      />
                    </SuggestBox>
                  </Form.Item>
                </Col>
                <Col span={14}>
                  <Form.Item label="银行卡号" name="bankCard" rules={[zodRule(F.bankCard)]} normalize={digitsNormalize} validateTrigger="onBlur">
                    <Input data-testid="file-bank-card" maxLength={30} style={{ fontFamily: 'monospace' }} placeholder="12–19 位数字" />
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Form.Item label="已收材料" name="documents" rules={[zodRule(F.documents)]}>
                    <Checkbox.Group data-testid="file-documents" options={FILE_DOCUMENTS.map((d) => ({ value: d, label: FILE_DOCUMENT_LABELS[d] }))} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>

            <div
              style={{
                position: 'sticky',
                bottom: 0,
                zIndex: 10,
                background: '#fff',
                borderTop: '1px solid #f0f0f0',
                padding: '12px 16px',
                display: 'flex',
                alignItems: 'center',
                gap: 12,
                boxShadow: '0 -4px 8px rgba(0,0,0,0.04)',
              }}
            >
              <Button type="primary" htmlType="submit" loading={busy} data-testid="file-save">
                {editing ? '保存修改' : '保存档案'}
              </Button>
              <Button htmlType="button" onClick={() => navigate(cancelTo)} data-testid="file-cancel">
                取消
              </Button>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                Ctrl+Enter 保存　·　带 <span style={{ color: '#ff4d4f' }}>*</span> 的为必填项
              </Typography.Text>
            </div>
          </Space>
        </Col>
        {wide && (
          <Col flex="340px">
            <div style={{ position: 'sticky', top: 16 }}>{preview}</div>
          </Col>
        )}
      </Row>
    </Form>
  );
}

function OwnMoney(p: { value?: number; onChange?(fen: number | undefined): void; id?: string }) {
  return (
    <span data-testid="file-own-income">
      <MoneyInput value={p.value} onChange={p.onChange} id={p.id} />
    </span>
  );
}

/** Passes the form item's value/onChange/id through to the AutoComplete inside, and makes Tab move on. */
function SuggestBox({ children, ...control }: { children: React.ReactElement<object>; value?: string; onChange?(v: string): void; id?: string }) {
  return (
    <div onKeyDown={tabLeavesSuggestions}>
      {cloneElement(children, control)}
    </div>
  );
}
