import { UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { petitionInput } from '../../../../shared/contract/petitions';
import { maskIdNumber, normalizeIdNumber, validateIdNumber } from '../../../../shared/idcard';
import {
  PETITION_CATEGORIES,
  PETITION_CATEGORY_LABELS,
  PETITION_CHANNEL_LABELS,
  PETITION_CHANNELS,
  URGENCIES,
  URGENCY_LABELS,
  type PetitionCategory,
  type PetitionChannel,
  type Urgency,
} from '../../../../shared/petition';
import { invoke } from '../../api';
import { useAction } from '../../components/useAction';
import { useLeaveGuard } from '../../components/useLeaveGuard';
import { zodRule } from '../../components/zodRule';
import { currentPath, navigate } from '../../router';
import { useSession } from '../../session';
import { WorkerPicker, type PickedWorker } from './WorkerPicker';

interface FormValues {
  channel?: PetitionChannel;
  visitorName?: string;
  visitorIdNumber?: string;
  visitorPhone?: string;
  category?: PetitionCategory;
  request?: string;
  urgency?: Urgency;
  handlerId?: number | null;
}

const P = petitionInput.shape;
const INITIAL: FormValues = { channel: 'visit', visitorName: '', visitorIdNumber: '', visitorPhone: '', request: '', urgency: 'normal' };

const idNormalize = (v: unknown) => (typeof v === 'string' ? normalizeIdNumber(v) : v);
const digitsNormalize = (v: unknown) => (typeof v === 'string' ? v.replace(/\s+/g, '') : v);

/** '#/petitions/new?file=12' comes from a worker file's page. */
function fileFromQuery(): number | null {
  const query = currentPath().split('?')[1];
  const id = query ? Number(new URLSearchParams(query).get('file')) : NaN;
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** A typed ID number that already has a file: offer to link it instead of typing the visitor in. */
function useFileForId(idNumber: string | undefined): PickedWorker | null {
  const [hit, setHit] = useState<PickedWorker | null>(null);
  const valid = idNumber ? validateIdNumber(idNumber) : null;
  const id = valid?.ok ? valid.id : null;
  useEffect(() => {
    setHit(null);
    if (!id) return;
    let live = true;
    invoke('files.search', { q: id.slice(0, 17), limit: 10 })
      .then(({ hits }) => {
        const h = hits.find((x) => x.idNumber === id);
        if (live && h) setHit(h);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [id]);
  return hit;
}

export function PetitionFormPage() {
  const { user } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const { busy, run } = useAction();
  const [worker, setWorker] = useState<PickedWorker | null>(null);
  const [handlers, setHandlers] = useState<{ id: number; displayName: string }[]>([]);
  const [dirty, setDirty] = useState(false);
  const leave = useLeaveGuard(dirty);
  const [preselect] = useState(fileFromQuery);

  useEffect(() => {
    invoke('petitions.handlers', {})
      .then((hs) => {
        setHandlers(hs);
        if (hs.some((h) => h.id === user.id) && form.getFieldValue('handlerId') == null) form.setFieldValue('handlerId', user.id);
      })
      .catch((e: Error) => message.error(e.message));
  }, [form, message, user.id]);

  useEffect(() => {
    if (!preselect) return;
    invoke('files.get', { id: preselect })
      .then((f) => setWorker({ id: f.id, name: f.name, idNumber: f.idNumber, phone: f.phone, workUnit: f.workUnit, status: f.status }))
      .catch((e: Error) => message.error(e.message));
  }, [preselect, message]);

  const typedId = Form.useWatch('visitorIdNumber', form);
  const typedName = Form.useWatch('visitorName', form);
  const existing = useFileForId(worker ? undefined : typedId);
  const validTypedId = typedId ? validateIdNumber(typedId) : null;

  const pick = (w: PickedWorker | null) => {
    setWorker(w);
    setDirty(true);
    if (w) form.setFields([{ name: 'visitorName', errors: [] }]);
  };

  const save = async (v: FormValues) => {
    // A linked file speaks for the visitor; the typed details are only for visitors without one.
    const visitor = worker
      ? { fileId: worker.id, visitorName: worker.name, visitorIdNumber: worker.idNumber, visitorPhone: worker.phone }
      : {
          fileId: null,
          visitorName: (v.visitorName ?? '').trim(),
          visitorIdNumber: v.visitorIdNumber ? normalizeIdNumber(v.visitorIdNumber) : '',
          visitorPhone: (v.visitorPhone ?? '').trim(),
        };
    const saved = await run(
      () =>
        invoke('petitions.register', {
          channel: v.channel!,
          ...visitor,
          category: v.category!,
          request: v.request ?? '',
          urgency: v.urgency ?? 'normal',
          handlerId: v.handlerId ?? null,
        }),
      '来访已登记',
    );
    if (saved) leave(`/petitions/${saved.id}?slip=1`);
  };

  const createFile = () => {
    const params = new URLSearchParams();
    if (validTypedId?.ok) params.set('idNumber', validTypedId.id);
    if (typedName?.trim()) params.set('name', typedName.trim());
    navigate(`/files/new?${params.toString()}`);
  };

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={INITIAL}
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
      <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 1000 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          登记来访
        </Typography.Title>

        <Card size="small" title="来访人">
          <Form.Item label="来访方式" name="channel" rules={[zodRule(P.channel)]} required>
            <Radio.Group
              data-testid="petition-channel"
              optionType="button"
              options={PETITION_CHANNELS.map((c) => ({ value: c, label: PETITION_CHANNEL_LABELS[c] }))}
            />
          </Form.Item>
          <Form.Item label="已建档职工" extra={worker ? undefined : '先查档案：已建档的选中即可，不必再填下面的姓名、身份证号和电话。'}>
            <WorkerPicker value={worker} onChange={pick} autoFocus={!preselect} />
          </Form.Item>
          {worker ? (
            <Descriptions bordered size="small" column={2} data-testid="petition-worker" style={{ marginBottom: 8 }}>
              <Descriptions.Item label="姓名">
                <Typography.Link onClick={() => window.open(`#/files/${worker.id}`, '_blank')}>{worker.name}</Typography.Link>
              </Descriptions.Item>
              <Descriptions.Item label="身份证号">
                <span style={{ fontFamily: 'monospace' }}>{maskIdNumber(worker.idNumber)}</span>
              </Descriptions.Item>
              <Descriptions.Item label="电话">{worker.phone || '—'}</Descriptions.Item>
              <Descriptions.Item label="工作单位">{worker.workUnit}</Descriptions.Item>
            </Descriptions>
          ) : (
            <>
              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
                未建档的来访人，直接填写：
              </Typography.Text>
              <Row gutter={16}>
                <Col span={6}>
                  <Form.Item
                    label="来访人姓名"
                    name="visitorName"
                    required
                    rules={[
                      zodRule(P.visitorName),
                      {
                        validator: async (_r, v?: string) => {
                          if (!worker && !v?.trim()) throw new Error('请选择已建档职工，或填写来访人姓名');
                        },
                      },
                    ]}
                  >
                    <Input data-testid="petition-visitor-name" maxLength={30} />
                  </Form.Item>
                </Col>
                <Col span={10}>
                  <Form.Item label="身份证号" name="visitorIdNumber" rules={[zodRule(P.visitorIdNumber)]} normalize={idNormalize} validateTrigger="onBlur">
                    <Input data-testid="petition-visitor-id" maxLength={24} placeholder="可不填；填了便于日后建档" style={{ fontFamily: 'monospace' }} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item label="联系电话" name="visitorPhone" rules={[zodRule(P.visitorPhone)]} normalize={digitsNormalize} validateTrigger="onBlur">
                    <Input data-testid="petition-visitor-phone" maxLength={20} placeholder="手机或带区号的固定电话" />
                  </Form.Item>
                </Col>
              </Row>
              {existing ? (
                <Alert
                  type="warning"
                  showIcon
                  data-testid="petition-id-has-file"
                  title={`该身份证号已经建档：${existing.name}（${existing.workUnit}）`}
                  action={
                    <Button size="small" type="primary" onClick={() => pick(existing)}>
                      关联此档案
                    </Button>
                  }
                />
              ) : (
                validTypedId?.ok && (
                  <Alert
                    type="info"
                    showIcon
                    data-testid="petition-no-file"
                    title="该来访人尚未建档"
                    description="需要帮扶的，先建档后帮扶。建档会离开本页，未保存的登记内容将丢失。"
                    action={
                      <Button size="small" icon={<UserAddOutlined />} onClick={createFile} data-testid="petition-create-file">
                        为其建档
                      </Button>
                    }
                  />
                )
              )}
            </>
          )}
        </Card>

        <Card size="small" title="诉求">
          <Form.Item label="诉求类别" name="category" rules={[zodRule(P.category)]} required>
            <Radio.Group
              data-testid="petition-category"
              optionType="button"
              options={PETITION_CATEGORIES.map((c) => ({ value: c, label: PETITION_CATEGORY_LABELS[c] }))}
            />
          </Form.Item>
          <Form.Item label="诉求内容" name="request" rules={[zodRule(P.request)]} required>
            <Input.TextArea
              data-testid="petition-request"
              autoSize={{ minRows: 4, maxRows: 10 }}
              maxLength={2000}
              showCount
              placeholder="来访人反映的问题和要求"
            />
          </Form.Item>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item label="紧急程度" name="urgency" rules={[zodRule(P.urgency)]}>
                <Radio.Group data-testid="petition-urgency" optionType="button" options={URGENCIES.map((u) => ({ value: u, label: URGENCY_LABELS[u] }))} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="经办人" name="handlerId" extra="默认由登记人经办">
                <Select<number>
                  data-testid="petition-handler"
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder="登记人本人"
                  options={handlers.map((h) => ({ value: h.id, label: h.id === user.id ? `${h.displayName}（我）` : h.displayName }))}
                />
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
          <Button type="primary" htmlType="submit" loading={busy} data-testid="petition-save">
            登记并打印回执
          </Button>
          <Button htmlType="button" onClick={() => navigate('/petitions')} data-testid="petition-cancel">
            取消
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            Ctrl+Enter 保存　·　带 <span style={{ color: '#ff4d4f' }}>*</span> 的为必填项　·　保存后自动打开受理回执
          </Typography.Text>
        </div>
      </Space>
    </Form>
  );
}
