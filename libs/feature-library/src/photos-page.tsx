import { photoQueries, trySave, useCan, useRemovePhoto, useUpdatePhoto, useUploadPhoto } from '@kompetansebro/api-client';
import { fieldErrorsFromIssues, MAX_PHOTO_BYTES, photoRightsKinds, photoUploadFieldsSchema, type FieldError, type Photo } from '@kompetansebro/domain';
import {
  Button,
  Checkbox,
  ConfirmDialog,
  ErrorSummary,
  errorMessages,
  FailureAlert,
  fieldErrorText,
  LoadingState,
  Page,
  QueryError,
  Section,
  Select,
  StatusTag,
  TextField,
  bindFields,
  useFormSubmit,
} from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ForLibrary, type Library } from './use-library';
import './library.css';

/**
 * "Bilder": photos of the library and each branch — upload with alt text, photographer, licence
 * or consent and an optional KS Mediebank link; publish for students or keep them to staff;
 * remove. The API makes the web sizes and lets the library change its own photos only.
 */
export function PhotosPage() {
  const { t } = useTranslation();
  return <ForLibrary title={t('library.photos.title')}>{(library) => <Photos library={library} />}</ForLibrary>;
}

function Photos({ library }: { library: Library }) {
  const { t } = useTranslation();
  const photos = useQuery(photoQueries.list());
  const mayUpload = useCan('photo', 'create');
  const branches = (library.branches.data?.items ?? []).filter((branch) => branch.id !== library.libraryId);
  const actors = [{ id: library.libraryId, name: library.name }, ...branches.map((branch) => ({ id: branch.id, name: branch.name }))];
  return (
    <Page title={t('library.photos.title')}>
      <p className="ds-paragraph">{t('library.photos.intro')}</p>
      {mayUpload && <UploadForm actors={actors} />}
      {photos.isPending ? (
        <LoadingState />
      ) : photos.isError ? (
        <QueryError error={photos.error} onRetry={() => void photos.refetch()} headingLevel={2} />
      ) : (
        actors.map((actor) => {
          const own = photos.data.items.filter((photo) => photo.actorId === actor.id);
          return (
            <Section key={actor.id} id={`photos-${actor.id}`} title={actor.name}>
              {own.length === 0 ? (
                <p className="ds-paragraph">{t('library.photos.none')}</p>
              ) : (
                <ul className="kb-library-photos">
                  {own.map((photo) => (
                    <PhotoCard key={photo.id} photo={photo} />
                  ))}
                </ul>
              )}
            </Section>
          );
        })
      )}
    </Page>
  );
}

interface UploadValues {
  actorId: string;
  altText: string;
  photographer: string;
  rights: string;
  rightsDetail: string;
  mediebankUrl: string;
}

type UploadField = keyof UploadValues | 'file';

/** The API names the form's fields `form.<field>` (and the photo `file`). */
const fieldOf = (path: string) => path.replace(/^form\./, '');

function UploadForm({ actors }: { actors: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const upload = useUploadPhoto();
  const empty: UploadValues = { actorId: actors[0]?.id ?? '', altText: '', photographer: '', rights: 'licence', rightsDetail: '', mediebankUrl: '' };
  const [values, setValues] = useState(empty);
  const [published, setPublished] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempts, setAttempts] = useState(0);
  const [saved, setSaved] = useState<string | null>(null);
  const showErrors = (found: readonly FieldError[]) => {
    setErrors(found.map((error) => ({ ...error, path: fieldOf(error.path) })));
    if (found.length > 0) setAttempts((count) => count + 1);
  };
  const submit = useFormSubmit({ showErrors });

  const labelOf = (field: UploadField) => t(`library.photos.fields.${field}`);
  // The photo's own rules, said in the user's language (the API's message is English).
  const photoMessages: Record<string, string> = {
    photo_required: t('validation.photo_required'),
    not_an_image: t('validation.not_an_image'),
    too_large: t('validation.too_large'),
    actor_not_found: t('validation.actor_not_found'),
  };
  const idOf = (field: string) => `photo-${field}`;
  const { messageAt, summary } = errorMessages(errors, {
    messageOf: (error) => photoMessages[error.code] ?? fieldErrorText(t, error, error.path in values ? values[error.path as keyof UploadValues] : undefined),
    fieldIdOf: idOf,
    labelOf: (path) => (['actorId', 'altText', 'photographer', 'rights', 'rightsDetail', 'mediebankUrl', 'file'].includes(path) ? labelOf(path as UploadField) : undefined),
  });
  const field = bindFields<UploadValues>({
    values,
    set: (name, value) => setValues((current) => ({ ...current, [name]: value })),
    idOf,
    labelOf,
    helpOf: (name) => (name === 'altText' || name === 'rightsDetail' || name === 'mediebankUrl' ? t(`library.photos.help.${name}`) : undefined),
    errorAt: messageAt,
  });

  /** What the browser can tell before sending: a photo is chosen, it is an image and at most 10 MB. */
  const fileErrors = (): FieldError[] => {
    if (!file) return [{ path: 'file', code: 'photo_required', message: 'Choose a photo' }];
    if (!file.type.startsWith('image/')) return [{ path: 'file', code: 'not_an_image', message: 'Not an image' }];
    if (file.size > MAX_PHOTO_BYTES) return [{ path: 'file', code: 'too_large', message: 'Over 10 MB' }];
    return [];
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    submit.start();
    // Every error the browser can know at once (the photo and the fields, by the API's own schema), not in rounds.
    const checked = photoUploadFieldsSchema.safeParse({ ...values, published });
    const local = [...fileErrors(), ...(checked.success ? [] : fieldErrorsFromIssues(checked.error.issues))];
    if (local.length > 0 || !file) {
      showErrors(local);
      return;
    }
    const result = await trySave(
      upload.mutateAsync({
        ...values,
        rights: values.rights as Photo['rights'],
        mediebankUrl: values.mediebankUrl.trim() === '' ? null : values.mediebankUrl.trim(),
        published,
        file,
      }),
    );
    if (submit.settle(result)) {
      showErrors([]);
      setValues({ ...empty, actorId: values.actorId });
      setPublished(false);
      setFile(null);
      setFileKey((key) => key + 1);
      setSaved(t('library.photos.saved'));
    }
  };

  const fileError = messageAt('file');
  return (
    <Section id="photo-upload" title={t('library.photos.uploadTitle')}>
      <form className="kb-stack" onSubmit={(event) => void onSubmit(event)} noValidate>
        <ErrorSummary errors={summary} focusKey={attempts} />
        <FailureAlert title={t('library.photos.uploadFailed')} message={submit.failure} />
        <Select {...field('actorId')} options={actors.map((actor) => ({ value: actor.id, label: actor.name }))} />
        <div className="ds-field" data-invalid={fileError ? 'true' : undefined}>
          <label className="ds-label" htmlFor={idOf('file')}>
            {labelOf('file')}
          </label>
          <p className="ds-paragraph" data-size="sm" id="photo-file-help">
            {t('library.photos.help.file')}
          </p>
          <input
            key={fileKey}
            className="ds-input"
            id={idOf('file')}
            name="file"
            type="file"
            accept="image/*"
            aria-describedby={fileError ? 'photo-file-help photo-file-error' : 'photo-file-help'}
            aria-invalid={fileError ? true : undefined}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
          {fileError && (
            <p className="ds-validation-message" id="photo-file-error" data-color="danger">
              {fileError}
            </p>
          )}
        </div>
        <TextField {...field('altText')} required />
        <TextField {...field('photographer')} required />
        <Select {...field('rights')} options={photoRightsKinds.map((kind) => ({ value: kind, label: t(`library.photos.rights.${kind}`) }))} />
        <TextField {...field('rightsDetail')} required />
        <TextField {...field('mediebankUrl')} type="url" inputMode="url" />
        <Checkbox id="photo-published" label={t('library.photos.fields.published')} checked={published} onChange={(event) => setPublished(event.target.checked)} />
        <div className="kb-cluster">
          <Button type="submit" loading={upload.isPending}>
            {t('library.photos.upload')}
          </Button>
          <p role="status" className="ds-paragraph">
            {saved ?? ''}
          </p>
        </div>
      </form>
    </Section>
  );
}

function PhotoCard({ photo }: { photo: Photo }) {
  const { t } = useTranslation();
  const update = useUpdatePhoto(photo.id);
  const remove = useRemovePhoto(photo.id);
  const mayChange = useCan('photo', 'update');
  const mayRemove = useCan('photo', 'delete');
  const [confirming, setConfirming] = useState(false);
  const failed = update.error ?? remove.error;
  return (
    <li className="kb-library-photo kb-stack">
      <img src={photoQueries.imageUrl(photo.urls.small)} alt={photo.altText} width={480} height={Math.round((480 * photo.height) / photo.width)} loading="lazy" />
      <p className="ds-paragraph" data-size="sm">
        {t('library.photos.byline', { photographer: photo.photographer, rights: `${t(`library.photos.rights.${photo.rights}`)}: ${photo.rightsDetail}` })}
        {photo.mediebankUrl && (
          <>
            {' '}
            <a className="ds-link" href={photo.mediebankUrl}>
              {t('library.photos.mediebank')}
            </a>
          </>
        )}
      </p>
      <div className="kb-cluster">
        <StatusTag color={photo.published ? 'success' : 'neutral'}>{photo.published ? t('library.photos.published') : t('library.photos.notPublished')}</StatusTag>
        {mayChange && (
          <Button
            variant="secondary"
            aria-label={t(photo.published ? 'library.photos.unpublishLabel' : 'library.photos.publishLabel', { alt: photo.altText })}
            loading={update.isPending}
            onClick={() => update.mutate({ changes: { published: !photo.published }, version: photo.version })}
          >
            {photo.published ? t('library.photos.unpublish') : t('library.photos.publish')}
          </Button>
        )}
        {mayRemove && (
          <Button variant="tertiary" color="danger" aria-label={t('library.photos.removeLabel', { alt: photo.altText })} onClick={() => setConfirming(true)}>
            {t('library.photos.remove')}
          </Button>
        )}
      </div>
      {failed && <FailureAlert title={t('library.photos.changeFailed')} message={failed.status === 412 ? t('errors.conflict') : t('library.photos.tryAgain')} />}
      <ConfirmDialog
        open={confirming}
        title={t('library.photos.removeTitle')}
        confirmLabel={t('library.photos.remove')}
        cancelLabel={t('common.cancel')}
        confirmColor="danger"
        busy={remove.isPending}
        onConfirm={() => remove.mutate({ version: photo.version }, { onSettled: () => setConfirming(false) })}
        onCancel={() => setConfirming(false)}
      >
        <p className="ds-paragraph">{t('library.photos.removeBody', { alt: photo.altText })}</p>
      </ConfirmDialog>
    </li>
  );
}
