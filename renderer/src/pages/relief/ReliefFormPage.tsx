import { LeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Form, Input, Radio, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { WorkerFile } from '../../../../shared/contract/files';
import type { Petition } from '../../../../shared/contract/petitions';
import { reliefFacts, reliefInput } from '../../../../shared/contract/relief';
import type { DecisionAdvice, ReliefApplication, ReliefFacts } from '../../../../shared/contract/reliefTypes';
import { INCOME_TIER_LABELS } from '../../../../shared/household';
import { maskIdNumber } from '../../../../shared/idcard';
import { formatYuan } from '../../../../shared/money';
import { RELIEF_CATEGORIES, RELIEF_CATEGORY_LABELS, RELIEF_STATUS_LABELS, type ReliefCategory } from '../../../../shared/relief';
import { ALLOWANCE_LABELS, EMPLOYMENT_STATUS_LABELS, HARDSHIP_CAUSE_LABELS } from '../../../../shared/workerFile';
import { invoke } from '../../api';
import { MoneyInput } from '../../components/MoneyInput';
import { useAction } from '../../components/useAction';
import { useLeaveGuard } from '../../components/useLeaveGuard';
import { zodRule } from '../../components/zodRule';
import { currentPath, navigate } from '../../router';
import { WorkerPicker, type PickedWorker } from '../petitions/WorkerPicker';
import { AdvicePanel } from './AdvicePanel';
import { CATEGORY_FACTS, FACT_LABELS, ReliefStatusTag } from './reliefLabels';

const ADVICE_DEBOUNCE_MS = 250;
const R = reliefInput.shape;
const F = reliefFacts.shape;

interface FormValues {
  category?: ReliefCategory;
  facts: ReliefFacts;
  amountFen?: number;
  reasons: string;
  overrideReason: string;
}

const INITIAL: FormValues = { facts: {}, reasons: '', overrideReason: '' };
const valuesOf = (a: ReliefApplication): FormValues => ({
  category: a.category,
  facts: a.facts,
  amountFen: a.amountFen,
  reasons: a.reasons,
  overrideReason: a.overrideReason,
});

/** Only the facts the category asks for, without empty ones. */
function factsFor(category: ReliefCategory | undefined, facts: ReliefFacts | undefined): ReliefFacts {
  if (!category || !facts) return {};
  const out: Record<string, unknown> = {};
  for (const k of CATEGORY_FACTS[category]) {
    const v = (facts as Record<string, unknown>)[k];
    if (v !== undefined && v !== null) out[k] = v;
  }
  return out as ReliefFacts;
}

function queryNumber(name: string): number | null {
  const query = currentPath().split('?')[1];
  const n = query ? Number(new URLSearchParams(query).get(name)) : NaN;
  return Number.isInteger(n) && n > 0 ? n : null;
}

const toPicked = (f: WorkerFile): PickedWorker => ({ id: f.id, name: f.name, idNumber: f.idNumber, phone: f.phone, workUnit: f.workUnit, status: f.status });

/** What the rules look at in the worker's file, so the clerk sees why the advice says what it says. */
function WorkerFacts({ file }: { file: WorkerFile }) {
  return (
    <Descriptions bordered size="small" column={2} data-testid="relief-worker-facts" style={{ marginBottom: 8 }}>
      <Descriptions.Item label="姓名">
        <Typography.Link onClick={() => window.open(`#/files/${file.id}`, '_blank')}>{file.name}</Typography.Link>
        {file.status === 'exited' && <Tag style={{ marginInlineStart: 8 }}>已脱困退出</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label="身份证号">
        <span style={{ fontFamily: 'monospace' }}>{maskIdNumber(file.idNumber)}</span>
      </Descriptions.Item>
      <Descriptions.Item label="工作单位">{file.workUnit}</Descriptions.Item>
      <Descriptions.Item label="就业状况">{EMPLOYMENT_STATUS_LABELS[file.employmentStatus]}</Descriptions.Item>
      <Descriptions.Item label="人均月收入">
        {formatYuan(file.perCapitaIncomeFen)}　<Tag>{INCOME_TIER_LABELS[file.tier]}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label="低保">{ALLOWANCE_LABELS[file.allowanceStatus]}</Descriptions.Item>
      <Descriptions.Item label="医疗保险">{file.medicalInsured ? '已参保' : '未参保'}</Descriptions.Item>
      <Descriptions.Item label="致困原因">{file.hardshipCauses.map((c) => HARDSHIP_CAUSE_LABELS[c]).join('、') || '—'}</Descriptions.Item>
      {file.excluded && (
        <Descriptions.Item label="不予救助" span={2}>
          <Typography.Text type="danger">档案有“不予救助”标记：须工会主席批准例外并写明理由</Typography.Text>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** New application ('/relief/new?file=&petition=') or changes to one ('/relief/:id/edit'). */
export function ReliefFormPage({ id }: { id?: number }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const { busy, run } = useAction();
  const [dirty, setDirty] = useState(false);
  const leave = useLeaveGuard(dirty);
  const [worker, setWorker] = useState<PickedWorker | null>(null);
  const [file, setFile] = useState<WorkerFile | null>(null);
  const [petition, setPetition] = useState<Petition | null>(null);
  const [existing, setExisting] = useState<ReliefApplication | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [query] = useState(() => ({ file: queryNumber('file'), petition: queryNumber('petition') }));
  // The form's values, kept in state so the advice follows every change.
  const [values, setValues] = useState<FormValues>(INITIAL);
  const sync = () => setValues(form.getFieldsValue(true) as FormValues);

  // Editing: the stored application.
  useEffect(() => {
    if (id === undefined) return;
    invoke('relief.get', { id })
      .then((a) => {
        setExisting(a);
        setWorker({ id: a.fileId, name: a.name, idNumber: a.idNumber, phone: '', workUnit: a.workUnit, status: 'active' });
        setValues(valuesOf(a));
      })
      .catch((e: Error) => setLoadError(e.message));
  }, [id]);

  // New: the worker and the petition it comes from.
  useEffect(() => {
    if (id !== undefined) return;
    if (query.file) {
      invoke('files.get', { id: query.file })
        .then((f) => setWorker(toPicked(f)))
        .catch((e: Error) => message.error(e.message));
    }
    if (query.petition) {
      invoke('petitions.get', { id: query.petition })
        .then((p) => {
          setPetition(p);
          if (!query.file && p.fileId !== null) invoke('files.get', { id: p.fileId }).then((f) => setWorker(toPicked(f)), () => undefined);
          if (!form.getFieldValue('reasons')) {
            form.setFieldValue('reasons', p.request.slice(0, 2000));
            setValues(form.getFieldsValue(true) as FormValues);
          }
        })
        .catch((e: Error) => message.error(e.message));
    }
  }, [id, query, form, message]);

  // The chosen worker's file (what the rules read).
  useEffect(() => {
    setFile(null);
    if (!worker) return;
    let live = true;
    invoke('files.get', { id: worker.id })
      .then((f) => live && setFile(f))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [worker?.id]);

  // ── live advice ────────────────────────────────────────────────────────────────────────────
  const category = values.category;
  const amountFen = values.amountFen;
  const facts = factsFor(category, values.facts);
  const adviceInput =
    worker && category && typeof amountFen === 'number' && amountFen > 0
      ? { fileId: worker.id, category, facts, amountFen, applicationId: id ?? null }
      : null;
  const adviceKey = adviceInput ? JSON.stringify(adviceInput) : '';
  const [advice, setAdvice] = useState<DecisionAdvice | null>(null);
  const [adviceError, setAdviceError] = useState<string | null>(null);
  const [advising, setAdvising] = useState(false);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    if (!adviceKey) {
      setAdvice(null);
      setAdviceError(null);
      setAdvising(false);
      return;
    }
    setAdvising(true);
    const timer = setTimeout(() => {
      invoke('relief.advise', JSON.parse(adviceKey) as NonNullable<typeof adviceInput>)
        .then((a) => {
          if (mine !== seq.current) return;
          setAdvice(a);
          setAdviceError(null);
        })
        .catch((e: Error) => mine === seq.current && setAdviceError(e.message))
        .finally(() => mine === seq.current && setAdvising(false));
    }, ADVICE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [adviceKey]);

  const needsOverride = advice?.verdict === 'override' && !!adviceInput;
  const showOverride = needsOverride || !!values.overrideReason?.trim();

  const save = async (v: FormValues) => {
    if (!worker) {
      message.error('请选择救助对象（已建档职工）');
      return;
    }
    const application = {
      category: v.category!,
      facts: factsFor(v.category, v.facts),
      amountFen: v.amountFen!,
      reasons: (v.reasons ?? '').trim(),
      overrideReason: showOverride ? (v.overrideReason ?? '').trim() : '',
    };
    const saved = await run(
      () =>
        id === undefined
          ? invoke('relief.create', { fileId: worker.id, petitionId: query.petition ?? null, ...application })
          : invoke('relief.update', { id, application }),
      id === undefined ? '救助申请已保存' : '修改已保存',
    );
    if (saved) leave(`/relief/${saved.id}`);
  };

  if (loadError)
    return <Result status="404" title="无法打开救助申请" subTitle={loadError} extra={<Button onClick={() => navigate('/relief')}>回到救助审批</Button>} />;
  if (id !== undefined && !existing)
    return (
      <Spin style={{ display: 'block', margin: 48 }} tip="正在读取救助申请…">
        <div />
      </Spin>
    );
  if (existing && !existing.permissions.edit)
    return (
      <Result
        status="warning"
        title={`这份申请${RELIEF_STATUS_LABELS[existing.status]}，您不能再修改`}
        extra={<Button onClick={() => navigate(`/relief/${existing.id}`)}>回到申请</Button>}
      />
    );

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={existing ? valuesOf(existing) : INITIAL}
      onFinish={(v) => void save(v)}
      onFinishFailed={({ errorFields }) => message.error(`还有 ${errorFields.length} 项需要填写或更正`)}
      onValuesChange={() => {
        setDirty(true);
        sync();
      }}
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
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space align="center">
          <Button
            type="text"
            icon={<LeftOutlined />}
            aria-label="返回"
            onClick={() => navigate(existing ? `/relief/${existing.id}` : '/relief')}
          />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {existing ? `修改救助申请 ${existing.number}` : '新建救助申请'}
          </Typography.Title>
          {existing && <ReliefStatusTag status={existing.status} />}
        </Space>
        {petition && (
          <Alert
            type="info"
            showIcon
            data-testid="relief-from-petition"
            title={
              <span>
                来自来访{' '}
                <Typography.Link onClick={() => window.open(`#/petitions/${petition.id}`, '_blank')}>{petition.number}</Typography.Link>
                ：{petition.visitorName}
              </span>
            }
          />
        )}
        {existing && (existing.status === 'pending_chair' || existing.status === 'awaiting_notice') && (
          <Alert
            type="warning"
            showIcon
            title={`这份申请${RELIEF_STATUS_LABELS[existing.status]}，中心主任已经同意。`}
            description="保存修改后，申请将退回中心主任重新审批。"
          />
        )}
        {existing && existing.status === 'pending_director' && (
          <Alert type="info" showIcon title="这份申请正在等待中心主任审批，修改后主任看到的是修改后的内容。" />
        )}

        <Row gutter={16} align="top">
          <Col xs={24} lg={15}>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Card size="small" title="救助对象">
                <Form.Item label="已建档职工" required extra={worker ? undefined : '先建档、后帮扶：只能为已建档的职工申请救助。'}>
                  <div data-testid="relief-worker">
                    {existing ? (
                      <Typography.Text strong>
                        {existing.name}　<span style={{ fontFamily: 'monospace', fontWeight: 'normal' }}>{maskIdNumber(existing.idNumber)}</span>
                      </Typography.Text>
                    ) : (
                      <WorkerPicker
                        value={worker}
                        onChange={(w) => {
                          setWorker(w);
                          setDirty(true);
                        }}
                        autoFocus={!query.file}
                      />
                    )}
                  </div>
                </Form.Item>
                {file && <WorkerFacts file={file} />}
              </Card>

              <Card size="small" title="救助类别与情况">
                <Form.Item label="救助类别" name="category" rules={[zodRule(R.category)]} required>
                  <Radio.Group
                    data-testid="relief-category"
                    optionType="button"
                    options={RELIEF_CATEGORIES.map((c) => ({ value: c, label: RELIEF_CATEGORY_LABELS[c] }))}
                  />
                </Form.Item>
                {category === 'illness' && (
                  <Row gutter={16}>
                    <Col span={8}>
                      <Form.Item htmlFor="fact-medical-share" label={FACT_LABELS.medicalPersonalShareFen} name={['facts', 'medicalPersonalShareFen']} rules={[zodRule(F.medicalPersonalShareFen)]} extra="医保报销后本人承担的部分">
                        <MoneyInput id="fact-medical-share" />
                      </Form.Item>
                    </Col>
                    <Col span={8}>
                      <Form.Item htmlFor="fact-medical-spend" label={FACT_LABELS.medicalAnnualSpendFen} name={['facts', 'medicalAnnualSpendFen']} rules={[zodRule(F.medicalAnnualSpendFen)]} extra="本年度全部医药费">
                        <MoneyInput id="fact-medical-spend" />
                      </Form.Item>
                    </Col>
                    <Col span={8}>
                      <Form.Item htmlFor="fact-hospital-owed" label={FACT_LABELS.hospitalOwedFen} name={['facts', 'hospitalOwedFen']} rules={[zodRule(F.hospitalOwedFen)]} extra="未参保者本年度欠医院的住院费">
                        <MoneyInput id="fact-hospital-owed" />
                      </Form.Item>
                    </Col>
                  </Row>
                )}
                {category === 'disaster' && (
                  <Row gutter={16}>
                    <Col span={10}>
                      <Form.Item htmlFor="fact-disaster-loss" label={FACT_LABELS.disasterLossFen} name={['facts', 'disasterLossFen']} rules={[zodRule(F.disasterLossFen)]}>
                        <MoneyInput id="fact-disaster-loss" />
                      </Form.Item>
                    </Col>
                    <Col span={14}>
                      <Form.Item label="现场查看" name={['facts', 'siteVisited']} valuePropName="checked" extra="中心须亲临现场，并与职工所在单位研究帮扶措施">
                        <Checkbox data-testid="fact-site-visited">{FACT_LABELS.siteVisited}</Checkbox>
                      </Form.Item>
                    </Col>
                  </Row>
                )}
                {category === 'schooling' && (
                  <Row gutter={16}>
                    <Col span={10}>
                      <Form.Item htmlFor="fact-school-fees" label={FACT_LABELS.schoolFeesFen} name={['facts', 'schoolFeesFen']} rules={[zodRule(F.schoolFeesFen)]} extra="每学年学费">
                        <MoneyInput id="fact-school-fees" />
                      </Form.Item>
                    </Col>
                    <Col span={14}>
                      <Form.Item label="失辍学风险" name={['facts', 'dropoutRisk']} valuePropName="checked" extra="同时联系有关单位和院校减免费用">
                        <Checkbox data-testid="fact-dropout-risk">{FACT_LABELS.dropoutRisk}</Checkbox>
                      </Form.Item>
                    </Col>
                  </Row>
                )}
                {category === 'living' && (
                  <Form.Item label="收入情况" name={['facts', 'noIncome']} valuePropName="checked" extra="低保户例外情形之一：夫妻双下岗、达到年龄且确无收入">
                    <Checkbox data-testid="fact-no-income">{FACT_LABELS.noIncome}</Checkbox>
                  </Form.Item>
                )}
              </Card>

              <Card size="small" title="申请金额与理由">
                <div data-testid="relief-amount">
                <Form.Item
                  label="申请金额"
                  htmlFor="relief-amount-input"
                  name="amountFen"
                  rules={[zodRule(R.amountFen)]}
                  required
                  extra={
                    advice && advice.suggestedMinFen !== null && advice.suggestedMaxFen !== null
                      ? `建议 ${formatYuan(advice.suggestedMinFen)} – ${formatYuan(advice.suggestedMaxFen)}${advice.specialMaxFen !== null ? `，特殊情况最多 ${formatYuan(advice.specialMaxFen)}` : ''}`
                      : '以元为单位，可精确到分'
                  }
                >
                  <MoneyInput id="relief-amount-input" />
                </Form.Item>
                </div>
                <Form.Item label="申请理由" name="reasons" rules={[zodRule(R.reasons)]} required>
                  <Input.TextArea
                    data-testid="relief-reasons"
                    autoSize={{ minRows: 4, maxRows: 10 }}
                    maxLength={2000}
                    showCount
                    placeholder="家庭困难情况、致困原因、已核实的材料，以及申请该金额的依据"
                  />
                </Form.Item>
                {showOverride && (
                  <Form.Item
                    label="例外理由（报工会主席）"
                    name="overrideReason"
                    required={needsOverride}
                    rules={[
                      zodRule(R.overrideReason),
                      {
                        validator: async (_r, v?: string) => {
                          if (needsOverride && (v ?? '').trim().length < 2) throw new Error('政策预审须例外处理：请写明例外理由，由工会主席批准');
                        },
                      },
                    ]}
                    extra="写明为什么应当例外救助；由工会主席审阅。"
                  >
                    <Input.TextArea
                      data-testid="relief-override-reason"
                      autoSize={{ minRows: 3, maxRows: 8 }}
                      maxLength={1000}
                      showCount
                      placeholder="例如：本年度已救助一次，但近期突发重病，家庭无力承担……"
                    />
                  </Form.Item>
                )}
              </Card>
            </Space>
          </Col>
          <Col xs={24} lg={9} style={{ position: 'sticky', top: 16 }}>
            <AdvicePanel advice={adviceInput ? advice : null} loading={advising} error={adviceInput ? adviceError : null} />
          </Col>
        </Row>

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
          <Button type="primary" htmlType="submit" loading={busy} data-testid="relief-save">
            保存
          </Button>
          <Button htmlType="button" onClick={() => navigate(existing ? `/relief/${existing.id}` : '/relief')} data-testid="relief-cancel">
            取消
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            Ctrl+Enter 保存　·　带 <span style={{ color: '#ff4d4f' }}>*</span> 的为必填项　·　保存后在申请页登记材料并提交审批
          </Typography.Text>
          {advice?.verdict === 'not_eligible' && adviceInput && (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              政策预审：不符合条件，可以保存草稿，但不能提交审批。
            </Typography.Text>
          )}
        </div>
      </Space>
    </Form>
  );
}
